'use strict';
// The forwarder's core, without the LeanEngine SDK (cloud.js registers it): read the configuration, post a hook
// call to n8n signed with the shared secret, and turn n8n's answer into what that hook may return.
// Node 18+ (LeanEngine's current runtimes): fetch, AbortSignal.timeout and node:crypto, no dependencies.
const { createHmac, randomBytes } = require('node:crypto');

const { HOOKS, NEVER_FORWARDED } = require('./hooks');

/** The default time a blocking hook waits for n8n: half of LeanEngine's 3 s for hooks, leaving room for the rest. */
const DEFAULT_BUDGET_MS = 1500;
/** Never as long as LeanEngine's own 3 s: past that the IM server has given up and the answer is wasted. */
const MAX_BUDGET_MS = 2500;
/** The most of n8n's answer read: a decision is a few hundred bytes. */
const MAX_REPLY_BYTES = 64 * 1024;
/** Notification hooks post in the background, each for at most this long… */
const BACKGROUND_TIMEOUT_MS = 10_000;
/** …and at most this many at once: a slow n8n cannot make them pile up in memory (the rest are logged and dropped). */
const MAX_BACKGROUND_POSTS = 200;
const MIN_SECRET_LENGTH = 16;
/** A secret needs this many different characters too: 16 spaces, or "abababab…", are guessed, not kept. */
const MIN_SECRET_DISTINCT = 8;
/**
 * The deepest params the forwarder hands on. LeanCloud sends far shallower ones; past this, n8n's own copying of an
 * item would overflow its stack (about 5,000 levels), so the call cannot reach a workflow intact.
 */
const MAX_DEPTH = 1000;
/** What a fail-closed forwarder answers when n8n gives no decision (the sender sees this code and detail). */
const UNAVAILABLE = { code: 503, detail: 'Moderation is unavailable; please try again later.' };
/**
 * What the forwarder answers, fail-open or not, for a call it cannot hand to n8n as it is: a sender must not be able to
 * choose fail-open by crafting a payload (fail-open is for n8n being unavailable).
 */
const UNREPRESENTABLE = { code: 422, detail: 'This message cannot be checked by moderation, so it was not delivered.' };

class ConfigError extends Error {}

/** @param {URL} url */
const isLoopback = (url) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * @param {string} text
 * @param {string} name
 */
function parseUrl(text, name) {
	let url;
	try {
		url = new URL(text);
	} catch {
		throw new ConfigError(`${name} is not a URL: "${text}"`);
	}
	// The body holds users' messages and the signature: only over HTTPS, except to this machine (npm run dev).
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) throw new ConfigError(`${name} must be an https:// URL (n8n's production webhook URL)`);
	// fetch refuses a URL with credentials in it: every call would fail, and fail-open would deliver everything.
	if (url.username || url.password || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(text.trim())) throw new ConfigError(`${name} must not contain a user name or password (user:pass@)`);
	return url;
}

/**
 * What is wrong with a secret, if anything: the rule n8n's LeanCloud IM Hook credential states (and its trigger
 * enforces): at least 16 characters, at least 8 of them different.
 * @param {string} name
 * @param {string | undefined} value
 */
function secretProblem(name, value) {
	if (!value || value.trim() === '') return `${name} is empty`;
	if (value.length < MIN_SECRET_LENGTH) return `${name} must be at least ${MIN_SECRET_LENGTH} characters`;
	if (new Set(value).size < MIN_SECRET_DISTINCT) return `${name} must have at least ${MIN_SECRET_DISTINCT} different characters (it is easy to guess)`;
	return undefined;
}

/**
 * Reads the forwarder's settings from the environment (LeanEngine's console: Settings > Environment variables).
 * @param {Record<string, string | undefined>} env
 */
function loadConfig(env) {
	const secret = env.N8N_HOOK_SECRET ?? '';
	const problem = secretProblem('N8N_HOOK_SECRET', secret);
	if (problem) throw new ConfigError(`${problem} (the Shared Secret of n8n's "LeanCloud IM Hook" credential; e.g. from "openssl rand -hex 32")`);
	// Without a hook key the LeanEngine SDK lets anyone holding the app's public App Key call the hook functions, and
	// the forwarder would sign what they send. LeanEngine sets it; locally, npm run dev sets the sandbox's.
	if (!env.LEANCLOUD_APP_HOOK_KEY) throw new ConfigError('LEANCLOUD_APP_HOOK_KEY is not set: without it anyone with the public App Key could call the hook functions. LeanEngine sets it in its instances; run the forwarder there (or set it to your app\'s hook key).');
	const defaultUrl = env.N8N_HOOK_URL ? parseUrl(env.N8N_HOOK_URL, 'N8N_HOOK_URL') : undefined;
	/** @type {Map<string, URL>} */
	const routes = new Map();
	for (const entry of (env.N8N_HOOK_EVENTS ?? '_messageReceived').split(/[\s,]+/).filter(Boolean)) {
		const [hook, ...url] = entry.split('=');
		if (NEVER_FORWARDED.includes(hook)) throw new ConfigError(`${hook} is never forwarded: its parameters hold the user's session token`);
		if (!Object.prototype.hasOwnProperty.call(HOOKS, hook)) throw new ConfigError(`N8N_HOOK_EVENTS: unknown hook "${hook}" (one of ${Object.keys(HOOKS).join(', ')})`);
		const target = url.length ? parseUrl(url.join('='), `The URL for ${hook}`) : defaultUrl;
		if (!target) throw new ConfigError(`No n8n URL for ${hook}: set N8N_HOOK_URL, or write ${hook}=<url> in N8N_HOOK_EVENTS`);
		routes.set(hook, target);
	}
	const budgetMs = env.N8N_HOOK_BUDGET_MS === undefined || env.N8N_HOOK_BUDGET_MS === '' ? DEFAULT_BUDGET_MS : Number(env.N8N_HOOK_BUDGET_MS);
	if (!Number.isInteger(budgetMs) || budgetMs < 50 || budgetMs > MAX_BUDGET_MS) throw new ConfigError(`N8N_HOOK_BUDGET_MS must be a whole number of milliseconds from 50 to ${MAX_BUDGET_MS}`);
	const onFailure = env.N8N_HOOK_ON_FAILURE || 'deliver';
	if (onFailure !== 'deliver' && onFailure !== 'refuse') throw new ConfigError('N8N_HOOK_ON_FAILURE must be "deliver" (fail-open, the default) or "refuse" (fail-closed)');
	return { secret, routes, budgetMs, onFailure };
}

/**
 * The signature n8n's LeanCloud IM Hook Trigger checks: HMAC-SHA256 with the shared secret over the timestamp, the
 * request ID, the hook's name and the body, so none of them can be changed or reused apart from the others.
 * @param {string} secret
 * @param {{ timestamp: string, requestId: string, hook: string, body: string }} parts
 */
function sign(secret, { timestamp, requestId, hook, body }) {
	return `v1=${createHmac('sha256', secret).update(`${timestamp}.${requestId}.${hook}.`).update(body).digest('hex')}`;
}

/**
 * The headers of a hook call to n8n: the hook's name, the timestamp, the request ID and their signature.
 * @param {string} secret
 * @param {{ timestamp: string, requestId: string, hook: string, body: string }} parts
 * @returns {Record<string, string>}
 */
function hookHeaders(secret, parts) {
	return {
		'content-type': 'application/json',
		'x-lc-im-hook': parts.hook,
		'x-lc-im-timestamp': parts.timestamp,
		'x-lc-im-request-id': parts.requestId,
		'x-lc-im-signature': sign(secret, parts),
	};
}

/**
 * @param {unknown} value
 * @param {import('./hooks').FieldType} type
 */
function ofType(value, type) {
	switch (type) {
		case 'boolean':
			return typeof value === 'boolean';
		case 'integer':
			return Number.isSafeInteger(value);
		case 'string':
			return typeof value === 'string';
		case 'stringArray':
			return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
		case 'object':
			return typeof value === 'object' && value !== null && !Array.isArray(value);
		case 'pushMessage':
			return typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value));
	}
	return false;
}

/**
 * What n8n answered, as the hook may return it. Only a decision counts: an object whose `hookReply` holds the hook's
 * fields (what the LeanCloud IM node's Hook Reply outputs; a workflow that builds its own answer wraps LeanCloud's
 * fields the same way), and that does not still carry the trigger's call (`hookCall`). The trigger's own item (a
 * workflow that ends without a Hook Reply) echoes the message's `content` and `toPeers`; it is no decision. Fields the
 * hook does not take are dropped; fields of the wrong type are refused (dropped, and named in `refused`).
 * @param {string} hook
 * @param {unknown} answer
 */
function replyFor(hook, answer) {
	const first = Array.isArray(answer) ? answer[0] : answer;
	if (typeof first !== 'object' || first === null) return { decided: false, reply: {}, refused: [] };
	const record = /** @type {Record<string, unknown>} */ (first);
	const marked = typeof record.hookReply === 'object' && record.hookReply !== null && !Array.isArray(record.hookReply);
	if (!marked || Object.prototype.hasOwnProperty.call(record, 'hookCall')) return { decided: false, reply: {}, refused: [] };
	const source = /** @type {Record<string, unknown>} */ (record.hookReply);
	/** @type {Record<string, unknown>} */
	const reply = {};
	/** @type {string[]} */
	const refused = [];
	for (const [field, type] of Object.entries(HOOKS[hook].reply)) {
		if (!Object.prototype.hasOwnProperty.call(source, field) || source[field] === undefined || source[field] === null) continue;
		const value = source[field];
		if (!ofType(value, type)) {
			refused.push(field);
			continue;
		}
		// LeanCloud's examples send the custom push as a JSON string.
		reply[field] = type === 'pushMessage' && typeof value !== 'string' ? JSON.stringify(value) : value;
	}
	return { decided: true, reply, refused };
}

/**
 * What a hook returns when n8n gave no decision: nothing (deliver as sent), or with N8N_HOOK_ON_FAILURE=refuse a
 * refusal, for the hooks that can refuse.
 * @param {string} hook
 * @param {'deliver' | 'refuse'} onFailure
 */
function fallback(hook, onFailure) {
	if (onFailure === 'deliver') return {};
	const fields = HOOKS[hook].reply;
	if ('drop' in fields) return { drop: true, ...UNAVAILABLE };
	if ('reject' in fields) return { reject: true, ...UNAVAILABLE };
	return {};
}

/**
 * What a hook answers for a call that cannot be handed to n8n intact, whatever the fail-open setting: the message is
 * dropped, the change refused, the push skipped.
 * @param {string} hook
 */
function unrepresentable(hook) {
	const fields = HOOKS[hook].reply;
	if ('drop' in fields) return { drop: true, ...UNREPRESENTABLE };
	if ('reject' in fields) return { reject: true, ...UNREPRESENTABLE };
	if ('skip' in fields) return { skip: true };
	return {};
}

/**
 * The params as JSON, or undefined when they cannot be represented: nested deeper than MAX_DEPTH (measured without
 * recursion, so no depth a client sends can overflow the stack here), or not serialisable at all.
 * @param {unknown} params
 * @returns {string | undefined}
 */
function serialise(params) {
	/** @type {Array<[unknown, number]>} */
	const stack = [[params ?? {}, 1]];
	while (stack.length) {
		const [value, depth] = /** @type {[unknown, number]} */ (stack.pop());
		if (typeof value !== 'object' || value === null) continue;
		if (depth > MAX_DEPTH) return undefined;
		for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
	}
	try {
		return JSON.stringify(params ?? {});
	} catch {
		return undefined;
	}
}

/**
 * Reads at most MAX_REPLY_BYTES of an answer.
 * @param {Response} response
 */
async function readCapped(response) {
	if (!response.body) return '';
	/** @type {Uint8Array[]} */
	const chunks = [];
	let size = 0;
	for await (const chunk of response.body) {
		size += chunk.length;
		if (size > MAX_REPLY_BYTES) throw new Error(`n8n answered more than ${MAX_REPLY_BYTES} bytes`);
		chunks.push(chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * Posts one hook call (its params as JSON) to n8n; resolves with its parsed answer, rejects on anything but a 200 with
 * JSON in time.
 * @param {ReturnType<typeof loadConfig>} config
 * @param {string} hook
 * @param {string} body
 * @param {{ fetch: typeof fetch, now: () => number, timeoutMs: number }} tools
 */
async function post(config, hook, body, tools) {
	const timestamp = String(tools.now());
	const requestId = randomBytes(12).toString('hex');
	const url = /** @type {URL} */ (config.routes.get(hook));
	const response = await tools.fetch(url, {
		method: 'POST',
		redirect: 'manual', // a redirect would carry the signed body somewhere else
		signal: AbortSignal.timeout(tools.timeoutMs),
		headers: { ...hookHeaders(config.secret, { timestamp, requestId, hook, body }), 'x-lc-im-on-failure': config.onFailure },
		body,
	});
	const text = await readCapped(response);
	if (response.status !== 200) throw new Error(`n8n answered HTTP ${response.status}`);
	try {
		return text === '' ? undefined : JSON.parse(text);
	} catch {
		throw new Error('n8n answered something that is not JSON');
	}
}

/**
 * The forwarder: `handle(hook, params)` is what each LeanEngine hook function returns. Blocking hooks resolve with
 * n8n's decision (or the fallback); notification hooks return `{}` at once (a plain value, so the SDK answers the
 * IM server without waiting) and post in the background.
 * @param {ReturnType<typeof loadConfig>} config
 * @param {{ fetch?: typeof fetch, now?: () => number, log?: (line: string) => void }} [tools]
 */
function createForwarder(config, tools = {}) {
	const send = tools.fetch ?? fetch;
	const now = tools.now ?? Date.now;
	const log = tools.log ?? ((line) => console.warn(line));
	let background = 0;

	/**
	 * @param {string} hook
	 * @param {unknown} params
	 */
	async function decide(hook, params) {
		const started = now();
		const body = serialise(params);
		if (body === undefined) {
			log(`n8n-forwarder: ${hook}: the call cannot be handed to n8n intact (nested deeper than ${MAX_DEPTH} levels, or not JSON); refused whatever N8N_HOOK_ON_FAILURE says`);
			return unrepresentable(hook);
		}
		try {
			const answer = await post(config, hook, body, { fetch: send, now, timeoutMs: config.budgetMs });
			const { decided, reply, refused } = replyFor(hook, answer);
			if (refused.length) log(`n8n-forwarder: ${hook}: refused fields of the wrong type: ${refused.join(', ')}`);
			if (decided) return reply;
			log(`n8n-forwarder: ${hook}: the workflow gave no decision; ${config.onFailure === 'deliver' ? 'delivering unchanged' : 'refusing'}`);
		} catch (error) {
			const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${config.budgetMs} ms` : error instanceof Error ? error.message : String(error);
			log(`n8n-forwarder: ${hook}: ${reason} after ${now() - started} ms; ${config.onFailure === 'deliver' ? 'delivering unchanged (fail-open)' : 'refusing (fail-closed)'}`);
		}
		return fallback(hook, /** @type {'deliver' | 'refuse'} */ (config.onFailure));
	}

	/**
	 * @param {string} hook
	 * @param {unknown} params
	 */
	function notify(hook, params) {
		if (background >= MAX_BACKGROUND_POSTS) {
			log(`n8n-forwarder: ${hook}: ${MAX_BACKGROUND_POSTS} notifications already on their way; this one is dropped`);
			return;
		}
		const body = serialise(params);
		if (body === undefined) {
			log(`n8n-forwarder: ${hook}: the notification cannot be handed to n8n intact (nested deeper than ${MAX_DEPTH} levels, or not JSON); not sent`);
			return;
		}
		background += 1;
		post(config, hook, body, { fetch: send, now, timeoutMs: BACKGROUND_TIMEOUT_MS })
			.catch((error) => log(`n8n-forwarder: ${hook}: ${error instanceof Error ? error.message : String(error)}; the notification is lost`))
			.finally(() => {
				background -= 1;
			});
	}

	return {
		/**
		 * @param {string} hook
		 * @param {unknown} params
		 * @returns {Promise<Record<string, unknown>> | Record<string, unknown>}
		 */
		handle(hook, params) {
			if (!config.routes.has(hook)) return {};
			if (HOOKS[hook].blocking) return decide(hook, params);
			notify(hook, params);
			return {};
		},
	};
}

module.exports = { loadConfig, createForwarder, sign, hookHeaders, replyFor, secretProblem, ConfigError, DEFAULT_BUDGET_MS, MAX_REPLY_BYTES, MAX_BACKGROUND_POSTS, MAX_DEPTH, UNREPRESENTABLE };
