// Types for the security tests' misbehaving servers (hostile.cjs).
export interface RecordedRequest {
	method: string;
	url: string;
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

export interface HostileServer {
	url: string;
	port: number;
	requests: RecordedRequest[];
	/** TCP connections accepted so far (a refused address must open none). */
	readonly connections: number;
	close(): Promise<void>;
}

export interface MinimalResponse {
	writeHead(status: number, headers?: Record<string, string>): void;
	write(chunk: string | Buffer): void;
	end(chunk?: string | Buffer): void;
	readonly destroyed: boolean;
}

export declare function startServer(
	respond: (req: { method?: string; url?: string; headers: RecordedRequest['headers'] }, res: MinimalResponse, body: string, tools: { every(ms: number, fn: () => void): void }) => void,
	host?: string,
): Promise<HostileServer>;
export declare function redirectingServer(status: number, target: string): Promise<HostileServer>;
export declare function endlessServer(options: { chunkBytes: number; everyMs: number }): Promise<HostileServer>;
