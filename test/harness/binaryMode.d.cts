// Types for binaryMode.cjs.
export declare function useFilesystemBinaryData(): Promise<() => void>;
