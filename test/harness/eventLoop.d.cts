// Types for eventLoop.cjs.
export declare function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; blockedMs: number }>;
export declare function leastBlock<T>(work: () => Promise<T>, boundMs: number, attempts?: number): Promise<{ value: T; blockedMs: number; attemptsMs: number[] }>;
