'use strict';
// The forwarder's core, without the LeanEngine SDK (cloud.js registers it): post a hook call to n8n signed with the
// shared secret, and turn n8n's answer into what that hook may return. Its settings are config.js's, its replies
// replies.js's; everything the app and its tests use is exported from here.
// Node 18+ (LeanEngine's current runtimes): fetch, AbortSignal.timeout and node:crypto, no dependencies.
const { createHmac, randomBytes } = require('node:crypto');

const { HOOKS } = require('./hooks');
const { ConfigError, DEFAULT_BUDGET_MS, loadConfig, secretProblem } = require('./config');
const { MAX_DEPTH, UNREPRESENTABLE, fallback, replyFor, serialise, unrepresentable } = require('./replies');

/** The most of n8n's answer read: a decision is a few hundred bytes. */
const MAX_REPLY_BYTES = 64 * 1024;
/** Notification hooks post in the background, each for at most this long… */
const BACKGROUND_TIMEOUT_MS = 10_000;
/** …and at most this many at once: a slow n8n cannot make them pile up in memory (the rest are logged and dropped). */
const MAX_BACKGROUND_POSTS = 200;

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

module.exports = { loadConfig, createForwarder, sign, hookHeaders, replyFor, unrepresentable, secretProblem, ConfigError, DEFAULT_BUDGET_MS, MAX_REPLY_BYTES, MAX_BACKGROUND_POSTS, MAX_DEPTH, UNREPRESENTABLE };
