// Types for TypeScript callers (tests, benchmarks) of the sandbox server.
export interface SandboxBucketLimits {
	limit?: number;
	windowMs?: number;
}

export interface SandboxOptions {
	host?: string;
	port?: number;
	appId?: string;
	appKey?: string;
	masterKey?: string;
	limits?: { normal?: SandboxBucketLimits; subscriber?: SandboxBucketLimits; broadcast?: SandboxBucketLimits };
	latencyMs?: number;
	chatterMs?: number;
	retryAfterHeader?: boolean;
	logRequests?: boolean;
	demo?: boolean;
	/** What `POST /1.1/fileTokens` answers as `provider`: `qiniu` (default) or `s3`; anything else tests an unknown provider. */
	fileProvider?: string;
	/** IM hooks: the LeanEngine app the sandbox calls as LeanCloud's IM server would, and the service-conversation callback. */
	hooks?: { engineUrl?: string; hookKey?: string; failClosed?: boolean; timeoutMs?: number; serviceCallbackUrl?: string };
	/** The sandbox's clock (rate-limit windows, silences, timestamps); Date.now by default. */
	now?: () => number;
}

export interface SandboxRecord {
	timestamp: number;
	'conv-id': string;
	data: string;
	from: string;
	'msg-id': string;
	[key: string]: unknown;
}

export interface Sandbox {
	url: string;
	appId: string;
	appKey: string;
	masterKey: string;
	store: {
		conversations: Map<string, Record<string, unknown> & { objectId: string; m?: string[]; mu?: string[] }>;
		messages: Map<string, SandboxRecord[]>;
		temporarySilences: Map<string, Map<string, number>>;
		permanentSilences: Map<string, Set<string>>;
		/** Client IDs online now (the sandbox has no WebSocket side: tests set it). */
		online: Set<string>;
		kicked: Array<{ clientId: string; reason?: string }>;
		createConversation(fields: Record<string, unknown>, id?: string): { objectId: string } & Record<string, unknown>;
		addMessage(id: string, from: string, data: string, options?: { transient?: boolean }): SandboxRecord;
	};
	/** File storage: the `_File` rows, the storage host's URL and the requests it received, the fileCallbacks. */
	storage: {
		files: Map<string, { objectId: string; name: string; url: string; mime_type: string; metaData: Record<string, unknown>; key?: string; state: 'pending' | 'uploaded' | 'external'; bytes?: Buffer }>;
		baseUrl: string;
		requests: Array<{ method: string; path: string; headers: Record<string, string | string[] | undefined> }>;
		callbacks: Array<{ token: string; result: boolean }>;
		/** The next upload is answered this way instead (Qiniu's 614, which no mock library can send). */
		failNextUpload?: { status: number; body: unknown };
	};
	limiter: { buckets: Record<string, { limit: number; windowMs: number; used: number; rejected: number }> };
	requests: Array<{ method: string; path: string; status: number }>;
	/** The IM hooks: every call made (hook, params, outcome, ms), the service callbacks, and settle() for those on their way. */
	hooks: {
		calls: Array<{ hook: string; params: any; outcome: { ok: true; reply: Record<string, any> } | { ok: false; reason: string }; ms: number }>;
		callbacks: Array<{ messages: unknown[]; attempts: number; delivered: boolean }>;
		configure(options: NonNullable<SandboxOptions['hooks']>): void;
		settle(): Promise<void>;
		/** Calls one hook on the LeanEngine app as the IM server does; undefined when the app does not define it. */
		call(hook: string, params: Record<string, unknown>): Promise<{ ok: true; reply: Record<string, any> } | { ok: false; reason: string } | undefined>;
	};
	close(): Promise<void>;
}

export declare const DEFAULTS: Required<SandboxOptions>;
export declare function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
export declare const SEEDED_HISTORY_ID: string;
