// The IM hooks wired as in production, for the e2e suite and the round-trip benchmark: n8n with the hook examples
// published, the LeanEngine forwarder (leanengine/, the official SDK) in front of it, and the sandbox calling the
// forwarder as LeanCloud's IM server would; and a message sent as an SDK client sends it.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

import { HOOK_SECRETS, n8nCli, setupOwner, startN8n, stopProcess } from './n8n-instance.mjs';
import { startForwarder } from './forwarder.mjs';

const require = createRequire(import.meta.url);
/** @type {{ hookHeaders(secret: string, parts: { timestamp: string, requestId: string, hook: string, body: string }): Record<string, string> }} */
const { hookHeaders } = require('../leanengine/forward.js');

export const MODERATION_WORKFLOW = 'lcimExampleHook1';
export const CALLBACK_WORKFLOW = 'lcimExampleSvcCb';
export const MODERATION_PATH = '/webhook/6a0d1c0d-e0f1-4b1d-9a00-000000000001/leancloud-im';
export const CALLBACK_PATH = '/webhook/6a0d1c0d-e0f1-4b1d-9a00-000000000002/leancloud-im';
/** @type {(ms: number) => Promise<void>} */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * n8n with the hook examples published, the forwarder in front of it and the sandbox calling the forwarder.
 * @param {{ runtime: import('./n8n-runtime.mjs').N8nRuntime, userFolder: string, sandbox: import('../sandbox/server.cjs').Sandbox, n8nPort: number, forwarderPort: number, alsoPublish?: string[] }} options
 */
export async function hookStack({ runtime, userFolder, sandbox, n8nPort, forwarderPort, alsoPublish = [] }) {
	for (const id of [MODERATION_WORKFLOW, CALLBACK_WORKFLOW, ...alsoPublish]) {
		const published = await n8nCli(runtime, userFolder, ['publish:workflow', `--id=${id}`]);
		if (published.status !== 0) throw new Error(`publish ${id} failed: ${published.stdout.slice(-500)}`);
	}
	let n8n = await startN8n(runtime, userFolder, n8nPort, { quiet: true });
	let cookie = await setupOwner(n8n.url);
	const hookKey = 'e2e-hook-key-0001';
	/**
	 * @param {'deliver' | 'refuse'} onFailure
	 * @param {string} [path] the webhook the forwarder calls (the moderation example's by default)
	 */
	const forwarderWith = (onFailure, path = MODERATION_PATH) =>
		startForwarder({ port: forwarderPort, sandbox, hookKey, secret: HOOK_SECRETS.sharedSecret, n8nHookUrl: `${n8n.url}${path}`, onFailure, quiet: true });
	let forwarder = await forwarderWith('deliver');
	sandbox.hooks.configure({ engineUrl: forwarder.url, hookKey, serviceCallbackUrl: `${n8n.url}${CALLBACK_PATH}?token=${HOOK_SECRETS.callbackToken}` });
	return {
		get n8n() {
			return n8n;
		},
		/** The app's hook key the forwarder checks (X-LC-Hook-Key), for calls made as the IM server makes them. */
		hookKey,
		/** Stops n8n and starts it again on the same port and data (a real restart: its process memory is gone). */
		async restartN8n() {
			await stopProcess(n8n.child);
			n8n = await startN8n(runtime, userFolder, n8nPort, { quiet: true });
			cookie = await setupOwner(n8n.url);
		},
		get forwarder() {
			return forwarder;
		},
		/**
		 * @param {'deliver' | 'refuse'} onFailure
		 * @param {string} [path] the webhook it calls from now on
		 */
		async restartForwarder(onFailure, path) {
			await stopProcess(forwarder.child);
			forwarder = await forwarderWith(onFailure, path);
			sandbox.hooks.configure({ engineUrl: forwarder.url, hookKey });
		},
		/** How many executions a workflow has, once n8n has saved them all (the count stops moving). */
		/** @param {string} workflowId */
		async executions(workflowId) {
			let last = -1;
			for (let round = 0; round < 40; round++) {
				const response = await fetch(`${n8n.url}/rest/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}&limit=1`, { headers: { cookie } });
				const body = /** @type {{ data: { count: number } }} */ (await response.json());
				if (body.data.count === last) return last;
				last = body.data.count;
				await sleep(500);
			}
			return last;
		},
		async stop() {
			await Promise.all([stopProcess(n8n.child), stopProcess(forwarder.child)]);
			sandbox.hooks.configure({});
		},
	};
}

/**
 * A message sent as an SDK client sends it.
 * @param {Pick<import('../sandbox/server.cjs').Sandbox, 'url' | 'appId' | 'appKey'>} sandbox
 * @param {string} client
 * @param {string} conversationId
 * @param {string} message
 */
export async function clientSend(sandbox, client, conversationId, message) {
	const response = await fetch(`${sandbox.url}/sandbox/clients/${encodeURIComponent(client)}/messages`, {
		method: 'POST',
		headers: { 'X-LC-Id': sandbox.appId, 'X-LC-Key': sandbox.appKey, 'Content-Type': 'application/json' },
		body: JSON.stringify({ conversationId, message }),
	});
	return { status: response.status, body: /** @type {Record<string, any>} */ (await response.json()) };
}


/**
 * Posts a hook call straight to n8n's webhook, signed as the forwarder signs it (its own hookHeaders()): with this
 * run's secret, now, unless a test gives a wrong secret, an old timestamp, or a body other than the one signed.
 * @param {string} url
 * @param {string} body
 * @param {{ hook?: string, timestamp?: number, requestId?: string, secret?: string, signedBody?: string }} [options]
 */
export async function postSignedHook(url, body, { hook = '_messageReceived', timestamp = Date.now(), requestId = randomBytes(12).toString('hex'), secret = HOOK_SECRETS.sharedSecret, signedBody = body } = {}) {
	const headers = hookHeaders(secret, { timestamp: String(timestamp), requestId, hook, body: signedBody });
	const response = await fetch(url, { method: 'POST', headers, body });
	return { status: response.status, body: await response.text() };
}
