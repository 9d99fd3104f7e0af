// The CRM-event shape, measured in the real n8n app: N webhook calls, 50 ms apart, each one execution with one
// item, over several conversations, against a sandbox that enforces LeanCloud's quota rule (a fixed window, then
// 429 for one window). One workflow per contender, both active in the same n8n:
//   node: Webhook -> LeanCloud IM Message > Send (default options)
//   HTTP Request: Webhook -> n8n's HTTP Request node posting the same message (its defaults)
// Printed per contender: delivered/failed, duplicates, per-conversation order violations (against the order the
// webhooks were called), 429s per delivered message, and time against the quota's theoretical minimum.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { importCredential, importWorkflows, installPackage, n8nCli, packPackage, sendMessageNode, startN8n, stopProcess } from '../scripts/n8n-instance.mjs';
import { ensureN8n } from '../scripts/n8n-runtime.mjs';

const require = createRequire(import.meta.url);
/** @type {typeof import('../sandbox/server.cjs').startSandbox} */
const startSandbox = require('../sandbox/server.cjs').startSandbox;
/** @typedef {import('../sandbox/server.cjs').Sandbox} Sandbox */
/** @typedef {Map<string, number[]>} Calls the webhook calls' order, per conversation */

/** @type {(ms: number) => Promise<void>} */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @param {string} path */
function webhookNode(path) {
	return {
		id: 'w',
		name: 'CRM Event',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
	};
}

/** Webhook -> our node's Send, default options. */
/**
 * @param {string} id
 * @param {string} path
 */
export function nodeWorkflow(id, path) {
	return {
		id,
		name: `Storm: LeanCloud IM node (${path})`,
		nodes: [
			webhookNode(path),
			sendMessageNode({ name: 'Send', conversation: '={{ $json.body.conversationId }}', fromClient: 'crm-bot', text: '=seq:{{ $json.body.seq }}' }),
		],
		connections: { 'CRM Event': { main: [[{ node: 'Send', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** Webhook -> HTTP Request posting the same message with the master key, as a user without our node would. */
/**
 * @param {string} id
 * @param {string} path
 * @param {Sandbox} sandbox
 */
export function httpRequestWorkflow(id, path, sandbox) {
	return {
		id,
		name: `Storm: HTTP Request node (${path})`,
		nodes: [
			webhookNode(path),
			{
				id: 'h',
				name: 'HTTP Request',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [240, 0],
				parameters: {
					method: 'POST',
					url: `=${sandbox.url}/1.2/rtm/conversations/{{ $json.body.conversationId }}/messages`,
					sendHeaders: true,
					headerParameters: {
						parameters: [
							{ name: 'X-LC-Id', value: sandbox.appId },
							{ name: 'X-LC-Key', value: `${sandbox.masterKey},master` },
						],
					},
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ from_client: "crm-bot", message: "seq:" + $json.body.seq }) }}',
					options: {},
				},
			},
		],
		connections: { 'CRM Event': { main: [[{ node: 'HTTP Request', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** Calls the webhook `count` times, `gapMs` apart, over `conversations`; resolves with the call order per conversation. */
/**
 * @param {{ url: string, path: string, conversations: string[], count: number, gapMs: number }} options
 */
export async function storm({ url, path, conversations, count, gapMs }) {
	/** @type {Calls} */
	const calls = new Map(conversations.map((id) => [id, []]));
	/** @type {Promise<number>[]} */
	const pending = [];
	for (let seq = 0; seq < count; seq++) {
		const conversationId = conversations[seq % conversations.length];
		calls.get(conversationId)?.push(seq);
		pending.push(
			fetch(`${url}/webhook/${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ conversationId, seq }) }).then(
				(response) => response.status,
				() => 0,
			),
		);
		await sleep(gapMs);
	}
	const statuses = await Promise.all(pending);
	return { calls, accepted: statuses.filter((status) => status === 200).length };
}

/** What reached the sandbox for these conversations: delivered, duplicates, order violations. */
/**
 * @param {Sandbox} sandbox
 * @param {Calls} calls
 */
export function delivery(sandbox, calls) {
	let delivered = 0;
	let duplicates = 0;
	let violations = 0;
	let lastAt = 0;
	for (const [conversationId, order] of calls) {
		const records = (sandbox.store.messages.get(conversationId) ?? []).filter((record) => record.data.startsWith('seq:'));
		const seqs = records.map((record) => Number(record.data.slice(4)));
		delivered += new Set(seqs).size;
		duplicates += seqs.length - new Set(seqs).size;
		// A message out of order: it arrived after one the webhooks had called later.
		const position = new Map(order.map((seq, index) => [seq, index]));
		let highest = -1;
		for (const seq of seqs) {
			const at = position.get(seq) ?? -1;
			if (at < highest) violations += 1;
			highest = Math.max(highest, at);
		}
		for (const record of records) lastAt = Math.max(lastAt, record.timestamp);
	}
	return { delivered, duplicates, violations, lastAt };
}

/** Waits until `expected` messages arrived or nothing new arrived for `quietMs`. */
/**
 * @param {Sandbox} sandbox
 * @param {Calls} calls
 * @param {number} expected
 * @param {number} quietMs
 * @param {number} maxMs
 */
export async function settleDelivery(sandbox, calls, expected, quietMs, maxMs) {
	const started = Date.now();
	let last = -1;
	let lastChange = Date.now();
	for (;;) {
		const { delivered } = delivery(sandbox, calls);
		if (delivered >= expected) return;
		if (delivered !== last) {
			last = delivered;
			lastChange = Date.now();
		}
		if (Date.now() - lastChange > quietMs || Date.now() - started > maxMs) return;
		await sleep(500);
	}
}

/** The fastest any client can deliver `count` sends under `limit` per fixed window: one window per batch after the first. */
/** @type {(count: number, quota: { limit: number, windowMs: number }) => number} */
export const quotaMinimumMs = (count, { limit, windowMs }) => (Math.ceil(count / limit) - 1) * windowMs;

/**
 * An n8n instance with our package, the sandbox credential and the given workflows active. `env` adds to n8n's
 * environment (queue mode). Returns what a storm needs and a stop function.
 */
/**
 * @param {{ sandbox: Sandbox, workflows: Array<{ id: string }>, port: number, env?: Record<string, string>, start?: boolean }} options
 */
export async function n8nWith({ sandbox, workflows, port, env = {}, start = true }) {
	const runtime = ensureN8n();
	const tarball = packPackage();
	const userFolder = mkdtempSync(join(tmpdir(), 'lcim-storm-'));
	installPackage(userFolder, tarball);
	rmSync(join(tarball, '..'), { recursive: true, force: true });
	await importCredential(runtime, userFolder, sandbox, env);
	const files = workflows.map((workflow, index) => {
		const file = join(userFolder, `storm-${index}.json`);
		writeFileSync(file, JSON.stringify(workflow));
		return file;
	});
	await importWorkflows(runtime, userFolder, files, env);
	for (const workflow of workflows) {
		const published = await n8nCli(runtime, userFolder, ['publish:workflow', `--id=${workflow.id}`], { env });
		if (published.status !== 0) throw new Error(`publish ${workflow.id} failed: ${published.stdout.slice(-800)}`);
	}
	const n8n = start ? await startN8n(runtime, userFolder, port, { quiet: true, env }) : undefined;
	return {
		runtime,
		userFolder,
		url: `http://127.0.0.1:${port}`,
		pid: n8n?.child.pid,
		stop: async () => {
			if (n8n) await stopProcess(n8n.child);
			rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

export { startSandbox };
