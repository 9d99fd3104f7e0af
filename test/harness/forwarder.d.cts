// Types for forwarder.cjs (the LeanEngine forwarder's core, leanengine/forward.js and hooks.js).
export type FieldType = 'boolean' | 'integer' | 'string' | 'stringArray' | 'object' | 'pushMessage';
export const HOOKS: Record<string, { blocking: boolean; reply: Record<string, FieldType> }>;
export const NEVER_FORWARDED: string[];
export function sign(secret: string, parts: { timestamp: string; requestId: string; hook: string; body: string }): string;
export function replyFor(hook: string, answer: unknown): { decided: boolean; reply: Record<string, unknown>; refused: string[] };
export function unrepresentable(hook: string): Record<string, unknown>;
export const MAX_DEPTH: number;
