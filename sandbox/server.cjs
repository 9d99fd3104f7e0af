'use strict';
// A local LeanCloud IM server for development and tests: in memory, Node built-ins only, loopback only.
// Start it from code with startSandbox(options), or from a shell with `npm run sandbox`.
const http = require('node:http');

const { authenticate } = require('./auth.cjs');
const { seedDemo, startChatter } = require('./demo.cjs');
const { RateLimiter } = require('./limits.cjs');
const { findRoute } = require('./routes.cjs');
const { ApiError } = require('./failures.cjs');
const { FileStorage, fileRoutes } = require('./files.cjs');
const { Store } = require('./store.cjs');
const { Hooks } = require('./hooks.cjs');
const { clientSdk } = require('./clientSdk.cjs');

const PREFIX = '/1.2/rtm/';
/** File storage routes (fileTokens, fileCallback, files) live under the storage API's version. */
const STORAGE_PREFIX = '/1.1/';
/** Sandbox-only endpoints standing for what IM client SDKs do over their WebSocket (sandbox/clientSdk.cjs). */
const CLIENT_SDK_PREFIX = '/sandbox/';
/** The conversation SANDBOX_SEED_MESSAGES fills (a valid 24-hex objectId, as the node requires). */
const SEEDED_HISTORY_ID = '5eeded0000000000000000a1';

const DEFAULTS = {
	host: '127.0.0.1',
	port: 0,
	appId: 'SandboxAppId-n8nLeanCloudIm',
	appKey: 'sandbox-app-key',
	masterKey: 'sandbox-master-key',
	/** Per-bucket overrides, e.g. { normal: { limit: 100, windowMs: 2000 } }. */
	limits: {},
	/** Milliseconds added before every response. */
	latencyMs: 0,
	/** Whether 429 responses carry a Retry-After header (LeanCloud does not document one). */
	retryAfterHeader: false,
	/** Whether to keep a log of requests (method, path, status) in `sandbox.requests`. */
	logRequests: false,
	/** Whether to start with the demo conversation and messages (sandbox/demo.cjs). */
	demo: false,
	/** With demo: a new message in the demo conversation every this many ms (0 = none), for the trigger to see. */
	chatterMs: 0,
	/** What `POST /1.1/fileTokens` answers as `provider`: `qiniu` (LeanCloud and TDS in China) or `s3` (international). */
	fileProvider: 'qiniu',
	/**
	 * IM hooks: the LeanEngine app to call (`engineUrl`, e.g. the forwarder in leanengine/), its `hookKey`, whether a
	 * failed hook refuses the operation (`failClosed`, the console's switch), the hook timeout, and the service-conversation
	 * message callback URL (`serviceCallbackUrl`). None by default.
	 */
	hooks: {},
	/** The sandbox's clock (rate-limit windows, silences, timestamps): tests pass their own to set time instead of racing it. */
	now: Date.now,
};

/** Largest request body read (LeanCloud answers 413 for payloads it will not take; its messages are at most 5 KB). */
const MAX_BODY_BYTES = 1024 * 1024;
/** Deepest JSON body accepted: deeper ones are refused before anything walks them. */
const MAX_BODY_DEPTH = 64;

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<string>}
 */
function readBody(req) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		const chunks = [];
		let size = 0;
		req.on('data', (/** @type {Buffer} */ chunk) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				req.removeAllListeners('data');
				req.resume(); // drain the rest without keeping it
				reject(new ApiError(413, 413, 'Request entity too large.'));
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

/** Whether a parsed body nests deeper than `max`, checked without recursion. */
/**
 * @param {unknown} value
 * @param {number} max
 */
function tooDeep(value, max) {
	/** @type {Array<[unknown, number]>} */
	const stack = [[value, 0]];
	while (stack.length) {
		const [current, depth] = /** @type {[unknown, number]} */ (stack.pop());
		if (typeof current !== 'object' || current === null) continue;
		if (depth >= max) return true;
		for (const child of Object.values(current)) stack.push([child, depth + 1]);
	}
	return false;
}

/**
 * @param {string} text
 * @returns {Record<string, any>}
 */
function parseJson(text) {
	if (text.trim() === '') return {};
	try {
		const value = JSON.parse(text);
		if (typeof value === 'object' && value !== null && !Array.isArray(value) && !tooDeep(value, MAX_BODY_DEPTH)) return value;
	} catch {
		// answered below
	}
	throw new ApiError(400, 107, 'Malformed json object. A json dictionary is expected.');
}

/** A storage route's answer, which chooses its status (201 for an external file). */
class StorageAnswer {
	/**
	 * @param {number} status
	 * @param {unknown} payload
	 */
	constructor(status, payload) {
		this.status = status;
		this.payload = payload;
	}
}

/** Starts a sandbox; resolves with its URL, keys, state and a close() function. */
/** @param {import('./server.cjs').SandboxOptions} [options] */
async function startSandbox(options = {}) {
	const config = { ...DEFAULTS, ...options };
	const store = new Store(config.now);
	if (config.demo) seedDemo(store);
	const hooks = new Hooks(config, config.hooks);
	const clientRoutes = clientSdk({ store, hooks });
	// The demo's clients send as SDK clients do, through the hooks (a dropped line is simply not stored).
	const stopChatter =
		config.demo && config.chatterMs > 0
			? startChatter(store, config.chatterMs, (from, conversationId, message) => clientRoutes('POST', ['clients', from, 'messages'], { conversationId, message }))
			: () => {};
	const limiter = new RateLimiter(config.limits, config.now);
	/** @type {Array<{ method: string, path: string, status: number }>} */
	const requests = [];
	/** @type {(ms: number) => Promise<void>} */
	const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

	const storage = new FileStorage(config.fileProvider, config.now);
	const closeStorage = await storage.listen(config.host);
	const storageRoutes = fileRoutes(storage);

	/**
	 * A /1.1/ file route: authenticated as every route (the App Key will do, DELETE needs the Master Key).
	 * @param {import('node:http').IncomingMessage} req
	 * @param {string} method
	 * @param {string} path after /1.1/
	 * @returns {Promise<{ status: number, payload: unknown }>}
	 */
	async function handleStorage(req, method, path) {
		const [first, id, ...rest] = path.split('/');
		const route = rest.length ? undefined : storageRoutes.find((candidate) => candidate.method === method && candidate.path === (id === undefined ? first : `${first}/:id`));
		if (!route) throw new ApiError(404, 404, `No endpoint ${method} /1.1/${path}.`);
		const auth = authenticate(req.headers, config);
		if ('status' in auth) throw new ApiError(auth.status, auth.body.code, auth.body.error);
		if (route.key === 'master' && !auth.master) throw new ApiError(403, 403, 'Forbidden to delete by class permissions.');
		const answer = route.handler(parseJson(await readBody(req)), id === undefined ? undefined : decodeURIComponent(id));
		return { status: answer.status ?? 200, payload: answer.body };
	}

	/** @param {import('node:http').IncomingMessage} req */
	async function handle(req) {
		const method = req.method ?? 'GET';
		const url = new URL(req.url ?? '/', 'http://sandbox');
		if (url.pathname.startsWith(CLIENT_SDK_PREFIX)) {
			const auth = authenticate(req.headers, config);
			if ('status' in auth) throw new ApiError(auth.status, auth.body.code, auth.body.error);
			let segments;
			try {
				segments = url.pathname.slice(CLIENT_SDK_PREFIX.length).split('/').map(decodeURIComponent);
			} catch {
				throw new ApiError(400, 1, 'Malformed percent-encoding in the path.');
			}
			return await clientRoutes(method, segments, parseJson(await readBody(req)));
		}
		if (url.pathname.startsWith(STORAGE_PREFIX)) {
			const { status, payload } = await handleStorage(req, method, url.pathname.slice(STORAGE_PREFIX.length));
			return new StorageAnswer(status, payload);
		}
		if (!url.pathname.startsWith(PREFIX)) throw new ApiError(404, 404, 'Not found.');
		// One decoded value per path segment: an encoded "/" stays inside its segment, as on the real server.
		let segments;
		try {
			segments = url.pathname.slice(PREFIX.length).split('/').map(decodeURIComponent);
		} catch {
			throw new ApiError(400, 1, 'Malformed percent-encoding in the path.');
		}
		const found = findRoute(method, segments);
		if (!found) throw new ApiError(404, 404, `No endpoint ${method} ${url.pathname}.`);
		if ('methodNotAllowed' in found) throw new ApiError(405, 405, `Method ${method} not allowed on ${url.pathname}.`);

		const auth = authenticate(req.headers, config);
		if ('status' in auth) throw new ApiError(auth.status, auth.body.code, auth.body.error);
		const { route, params } = found;
		if (route.key === 'master' && !auth.master) throw new ApiError(401, 401, 'The master key is required.');
		if (route.key === 'acl' && !auth.master) throw new ApiError(403, 403, 'Forbidden to access class _Conversation with the default ACL; use the master key.');

		const body = parseJson(await readBody(req));
		const bucket = typeof route.bucket === 'function' ? route.bucket(body) : route.bucket;
		if (bucket) {
			const verdict = limiter.take(bucket);
			if (verdict.limited) {
				const error = new ApiError(429, 429, 'Too many requests.');
				error.retryAfterMs = verdict.retryAfterMs;
				throw error;
			}
		}
		return route.handler({ store, params, body, query: Object.fromEntries(url.searchParams) });
	}

	const server = http.createServer(async (req, res) => {
		let status = 200;
		let payload;
		/** @type {Record<string, string>} */
		const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache,no-store' };
		try {
			const answer = await handle(req);
			if (answer instanceof StorageAnswer) {
				status = answer.status;
				payload = answer.payload;
			} else payload = answer;
		} catch (error) {
			if (!(error instanceof ApiError)) {
				status = 500;
				payload = { code: 1, error: 'Internal server error.' };
			} else {
				status = error.status;
				payload = { code: error.code, error: error.message };
				if (error.retryAfterMs !== undefined && config.retryAfterHeader) headers['Retry-After'] = String(Math.ceil(error.retryAfterMs / 1000));
			}
		}
		if (config.logRequests) requests.push({ method: req.method ?? '', path: req.url ?? '', status });
		if (config.latencyMs > 0) await sleep(config.latencyMs);
		res.writeHead(status, headers);
		res.end(JSON.stringify(payload));
	});
	server.keepAliveTimeout = 5000;

	await new Promise((resolve) => server.listen(config.port, config.host, () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://${config.host}:${port}`,
		appId: config.appId,
		appKey: config.appKey,
		masterKey: config.masterKey,
		store,
		storage,
		limiter,
		requests,
		hooks,
		/** @returns {Promise<void>} */
		close: async () => {
			stopChatter();
			hooks.stop();
			server.closeAllConnections?.();
			await Promise.all([new Promise((resolve) => server.close(() => resolve(undefined))), closeStorage()]);
		},
	};
}

module.exports = { startSandbox, DEFAULTS, SEEDED_HISTORY_ID };

if (require.main === module) {
	// Environment: SANDBOX_PORT (3210; 0 = any free port), SANDBOX_LATENCY_MS, SANDBOX_DEMO (true),
	// SANDBOX_NORMAL_QUOTA ("limit/windowMs", e.g. 100/2000), SANDBOX_RETRY_AFTER (false), SANDBOX_SEED_MESSAGES,
	// SANDBOX_CHATTER_MS (0: a demo message every this many ms), SANDBOX_FILE_PROVIDER (qiniu; or s3),
	// SANDBOX_HOOKS_URL (a LeanEngine app, e.g. the forwarder), SANDBOX_HOOK_KEY, SANDBOX_HOOKS_FAIL_CLOSED (false),
	// SANDBOX_SERVICE_CALLBACK_URL (the service-conversation message callback).
	const env = process.env;
	/** @type {{ normal?: { limit: number, windowMs: number } }} */
	const limits = {};
	if (env.SANDBOX_NORMAL_QUOTA) {
		const [limit, windowMs] = env.SANDBOX_NORMAL_QUOTA.split('/').map(Number);
		limits.normal = { limit, windowMs };
	}
	startSandbox({
		port: Number(env.SANDBOX_PORT ?? 3210),
		latencyMs: Number(env.SANDBOX_LATENCY_MS ?? 0),
		demo: env.SANDBOX_DEMO !== 'false',
		retryAfterHeader: env.SANDBOX_RETRY_AFTER === 'true',
		fileProvider: env.SANDBOX_FILE_PROVIDER ?? 'qiniu',
		chatterMs: Number(env.SANDBOX_CHATTER_MS ?? 0),
		limits,
		hooks: { engineUrl: env.SANDBOX_HOOKS_URL, hookKey: env.SANDBOX_HOOK_KEY, failClosed: env.SANDBOX_HOOKS_FAIL_CLOSED === 'true', serviceCallbackUrl: env.SANDBOX_SERVICE_CALLBACK_URL },
	}).then((sandbox) => {
		// SANDBOX_SEED_MESSAGES=N: the conversation SEEDED_HISTORY_ID with N messages, for history benchmarks.
		const seeded = Number(env.SANDBOX_SEED_MESSAGES ?? 0);
		if (seeded > 0) {
			sandbox.store.createConversation({ name: 'Seeded history', m: ['a', 'b'] }, SEEDED_HISTORY_ID);
			for (let index = 0; index < seeded; index++) sandbox.store.addMessage(SEEDED_HISTORY_ID, index % 2 ? 'a' : 'b', `message ${index}`);
		}
		process.stdout.write(
			[
				'LeanCloud IM sandbox running (in memory; Ctrl-C to stop)',
				`  API Server: ${sandbox.url}`,
				`  App ID:     ${sandbox.appId}`,
				`  App Key:    ${sandbox.appKey}`,
				`  Master Key: ${sandbox.masterKey}`,
				`  Demo conversation: ${require('./demo.cjs').DEMO_CONVERSATION_ID}`,
				'',
			].join('\n'),
		);
		const stop = () => sandbox.close().then(() => process.exit(0));
		process.on('SIGINT', stop);
		process.on('SIGTERM', stop);
	});
}
