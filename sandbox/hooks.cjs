'use strict';
// LeanCloud's IM hooks, as the IM server calls them: on a LeanEngine app (here: the forwarder in leanengine/, run
// locally), `POST /1.1/functions/<hook>` with the params as the body and the app's hook key in X-LC-Hook-Key; only
// the hooks that app defines (LeanEngine learns them from /1.1/functions/_ops/metadatas). A hook that fails (no
// answer in time, or not 200) is ignored and the operation goes on, unless fail-closed (the console's switch).
// And the service-conversation message callback: a JSON array of messages POSTed to a URL, 5 s timeout, 3 retries.

/** LeanCloud publishes no timeout for IM hooks; LeanEngine's for hooks is 3 s. */
const DEFAULT_HOOK_TIMEOUT_MS = 3000;
/** How long the list of the app's hooks is trusted before it is read again. */
const METADATA_TTL_MS = 2000;
const CALLBACK_TIMEOUT_MS = 5000;
const CALLBACK_RETRIES = 3;
const CALLBACK_BATCH_MS = 100;

/**
 * @typedef {{ engineUrl?: string, hookKey?: string, failClosed?: boolean, timeoutMs?: number, serviceCallbackUrl?: string }} HookOptions
 * @typedef {{ ok: true, reply: Record<string, any> } | { ok: false, reason: string }} HookOutcome
 * @typedef {{ hook: string, params: unknown, outcome: HookOutcome, ms: number }} HookCall
 */

class Hooks {
	/**
	 * @param {{ appId: string, appKey: string, masterKey: string }} keys
	 * @param {HookOptions} options
	 */
	constructor(keys, options = {}) {
		this.keys = keys;
		/** @type {HookOptions} */
		this.options = {};
		/** @type {HookCall[]} every hook call made, for tests and the demo */
		this.calls = [];
		/** @type {Array<{ messages: unknown[], attempts: number, delivered: boolean }>} */
		this.callbacks = [];
		/** @type {{ names: Set<string>, at: number } | undefined} */
		this.defined = undefined;
		/** @type {Record<string, unknown>[]} */
		this.pendingCallback = [];
		/** @type {NodeJS.Timeout | undefined} */
		this.callbackTimer = undefined;
		/** @type {Set<Promise<unknown>>} */
		this.inFlight = new Set();
		this.configure(options);
	}

	/** @param {HookOptions} options */
	configure(options) {
		this.options = { timeoutMs: DEFAULT_HOOK_TIMEOUT_MS, ...options };
		this.defined = undefined;
	}

	get failClosed() {
		return this.options.failClosed === true;
	}

	/** The hooks the LeanEngine app defines (none when no app is configured or it cannot be asked). */
	async definedHooks() {
		const { engineUrl } = this.options;
		if (!engineUrl) return new Set();
		if (this.defined && Date.now() - this.defined.at < METADATA_TTL_MS) return this.defined.names;
		let names = new Set();
		try {
			const response = await fetch(`${engineUrl}/1.1/functions/_ops/metadatas`, {
				headers: { 'X-LC-Id': this.keys.appId, 'X-LC-Key': `${this.keys.masterKey},master` },
				signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_HOOK_TIMEOUT_MS),
			});
			const body = /** @type {{ result?: unknown }} */ (await response.json());
			if (response.ok && Array.isArray(body.result)) names = new Set(body.result.map(String));
		} catch {
			// LeanEngine unreachable: it defines nothing the IM server could call
		}
		this.defined = { names, at: Date.now() };
		return names;
	}

	/**
	 * Calls a hook if the app defines it. `{ ok: true, reply }` with its result (an object; {} when it returned none),
	 * `{ ok: false }` when it failed; undefined when the app does not define it.
	 * @param {string} hook
	 * @param {Record<string, unknown>} params
	 * @returns {Promise<HookOutcome | undefined>}
	 */
	async call(hook, params) {
		if (!(await this.definedHooks()).has(hook)) return undefined;
		const started = Date.now();
		/** @type {HookOutcome} */
		let outcome;
		try {
			const response = await fetch(`${this.options.engineUrl}/1.1/functions/${hook}`, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'X-LC-Id': this.keys.appId,
					'X-LC-Key': this.keys.appKey,
					'X-LC-Hook-Key': this.options.hookKey ?? '',
				},
				body: JSON.stringify(params),
				signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_HOOK_TIMEOUT_MS),
			});
			const text = await response.text();
			if (response.status !== 200) outcome = { ok: false, reason: `HTTP ${response.status}` };
			else {
				const result = /** @type {{ result?: unknown }} */ (JSON.parse(text)).result;
				outcome = { ok: true, reply: typeof result === 'object' && result !== null && !Array.isArray(result) ? /** @type {Record<string, any>} */ (result) : {} };
			}
		} catch (error) {
			outcome = { ok: false, reason: error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : String(error) };
		}
		this.calls.push({ hook, params, outcome, ms: Date.now() - started });
		return outcome;
	}

	/**
	 * A hook the operation waits for. The reply to apply ({} to go on unchanged), or `refused` when the hook failed
	 * and the app is fail-closed.
	 * @param {string} hook
	 * @param {Record<string, unknown>} params
	 * @returns {Promise<{ reply: Record<string, any>, failed?: string }>}
	 */
	async blocking(hook, params) {
		const outcome = await this.call(hook, params);
		if (!outcome) return { reply: {} };
		if (outcome.ok) return { reply: outcome.reply };
		return this.failClosed ? { reply: {}, failed: outcome.reason } : { reply: {} };
	}

	/**
	 * A hook the IM server only tells (its answer is ignored); the operation does not wait for it.
	 * @param {string} hook
	 * @param {Record<string, unknown>} params
	 */
	notify(hook, params) {
		this.track(this.call(hook, params));
	}

	/**
	 * Queues a message sent to a service conversation for the message callback (batched, as LeanCloud does).
	 * @param {Record<string, unknown>} row
	 */
	queueCallback(row) {
		if (!this.options.serviceCallbackUrl) return;
		this.pendingCallback.push(row);
		this.callbackTimer ??= setTimeout(() => this.flushCallback(), CALLBACK_BATCH_MS);
	}

	flushCallback() {
		this.callbackTimer = undefined;
		const messages = this.pendingCallback.splice(0);
		if (messages.length === 0 || !this.options.serviceCallbackUrl) return;
		const entry = { messages, attempts: 0, delivered: false };
		this.callbacks.push(entry);
		const url = this.options.serviceCallbackUrl;
		const attempt = async () => {
			for (let round = 0; round <= CALLBACK_RETRIES && !entry.delivered; round++) {
				entry.attempts += 1;
				try {
					const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(messages), signal: AbortSignal.timeout(CALLBACK_TIMEOUT_MS) });
					await response.arrayBuffer();
					entry.delivered = response.ok;
				} catch {
					// retried
				}
			}
		};
		this.track(attempt());
	}

	/**
	 * Keeps `work` among the calls on their way until it settles (settle() waits for them).
	 * @param {Promise<unknown>} work
	 */
	track(work) {
		const running = work.finally(() => this.inFlight.delete(running));
		this.inFlight.add(running);
	}

	/** Stops the callback batching timer (the sandbox is closing). */
	stop() {
		if (this.callbackTimer) clearTimeout(this.callbackTimer);
		this.callbackTimer = undefined;
	}

	/** Waits for the notifications and callbacks on their way (tests, and close()). */
	async settle() {
		if (this.callbackTimer) {
			clearTimeout(this.callbackTimer);
			this.flushCallback();
		}
		while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
	}
}

module.exports = { Hooks, DEFAULT_HOOK_TIMEOUT_MS };
