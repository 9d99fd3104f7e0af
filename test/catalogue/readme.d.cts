export declare function readmeRows(): Array<{ endpoint: string; operations: string[] }>;
