// Types for the tests' resolver (resolver.cjs).
/** Every name looked up since the last reset, in order. */
export declare const lookups: string[];
/** A public address for a name, the same every time: where its nock scope stands. */
export declare function publicAddressOf(name: string): string;
/** Makes `name` answer these addresses (or what the function gives at each lookup: a name that changes its answer). */
export declare function answerName(name: string, answer: string[] | (() => string[])): void;
export declare function hasAnswer(name: string): boolean;
export declare function resetNames(): void;
/** Replaces the system resolver for this test file; returns how to put it back. */
export declare function installFakeLookup(): () => void;
