// Types for warnings.cjs.
export declare function captureWarnings(): { messages: string[]; stop(): void };
