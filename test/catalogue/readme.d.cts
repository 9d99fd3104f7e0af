export declare function readmeRows(section?: string): Array<{ endpoint: string; operations: string[] }>;
export function readmeOperations(resource: string): string[];
