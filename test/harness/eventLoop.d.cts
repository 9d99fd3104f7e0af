// Types for eventLoop.cjs.
export declare function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; blockedMs: number }>;
