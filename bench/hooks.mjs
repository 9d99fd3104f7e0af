// `npm run bench:hooks`: the round trip of a blocking IM hook in the real n8n app, as a sender waits for it: an SDK
// client's send to the sandbox (LeanCloud's IM server) → the LeanEngine forwarder (leanengine/, official SDK) →
// n8n's production webhook → the "moderate before delivery" example (two IFs and a Hook Reply) → back, and the ack.
// BENCH_SENDS sends (default 500) one after another, as one client sends, a fifth of them spam, some with phone
// numbers. Printed, all measured in this run: p50, p95, p99 and max of the send with hooks and without (the same
// sandbox, hooks off), and of the hook call alone (sandbox → forwarder → n8n → back). Goal: p95 ≤ 300 ms, a fifth of
// the forwarder's default budget (1.5 s).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { REPO, importWorkflows } from '../scripts/n8n-instance.mjs';
import { MODERATION_PATH, clientSend, hookStack, postSignedHook } from '../scripts/hook-stack.mjs';
import { n8nWith, startSandbox } from './storm.mjs';

const SENDS = Number(process.env.BENCH_SENDS ?? 500);
const GOAL_P95_MS = 300;

/** @param {number[]} values @param {number} q */
const quantile = (values, q) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
/** @param {number} index */
const message = (index) => (index % 5 === 0 ? `cheap pills ${index}` : index % 7 === 0 ? `call me on 1380013${String(index).padStart(4, '0')}` : `hello ${index}`);

const sandbox = await startSandbox({});
const room = sandbox.store.createConversation({ name: 'bench hooks', m: ['alice', 'bob'] }).objectId;
const instance = await n8nWith({ sandbox, workflows: [], port: 5688, start: false });
await importWorkflows(instance.runtime, instance.userFolder, readdirSync(join(REPO, 'examples')).map((file) => join(REPO, 'examples', file)));
const stack = await hookStack({ runtime: instance.runtime, userFolder: instance.userFolder, sandbox, n8nPort: 5688, forwarderPort: 5689 });

/** Sends `count` messages one after another; the milliseconds each took, from the send to the ack or refusal. */
/** @param {number} count */
async function sends(count) {
	/** @type {number[]} */
	const times = [];
	for (let index = 1; index <= count; index++) {
		const started = performance.now();
		const sent = await clientSend(sandbox, 'alice', room, message(index));
		times.push(performance.now() - started);
		if (sent.status !== 200 && sent.body.code !== 4402) throw new Error(`send ${index}: ${JSON.stringify(sent.body)}`);
	}
	return times;
}

/** Calls n8n's webhook straight, signed as the forwarder signs: n8n's own share of the round trip. */
/** @param {number} count */
async function direct(count) {
	/** @type {number[]} */
	const times = [];
	const url = `${stack.n8n.url}${MODERATION_PATH}`;
	for (let index = 1; index <= count; index++) {
		const body = JSON.stringify({ fromPeer: 'alice', convId: room, toPeers: ['bob'], content: message(index), bin: false, timestamp: Date.now() });
		const started = performance.now();
		const response = await postSignedHook(url, body);
		times.push(performance.now() - started);
		if (response.status !== 200) throw new Error(`direct call ${index}: HTTP ${response.status}`);
	}
	return times;
}

try {
	await sends(30); // warm-up: n8n's first executions, the forwarder's connection to n8n
	const callsBefore = sandbox.hooks.calls.length;
	const hooked = await sends(SENDS);
	const calls = sandbox.hooks.calls.slice(callsBefore).filter((call) => call.hook === '_messageReceived');
	const failed = calls.filter((call) => !call.outcome.ok).length;
	const dropped = calls.filter((call) => call.outcome.ok && call.outcome.reply.drop).length;
	const engineUrl = stack.forwarder.url;
	sandbox.hooks.configure({});
	const plain = await sends(SENDS);
	const n8nOnly = await direct(Math.min(SENDS, 200));
	sandbox.hooks.configure({ engineUrl, hookKey: 'e2e-hook-key-0001' });

	/** @param {string} name @param {number[]} times */
	const row = (name, times) => `| ${name} | ${[0.5, 0.95, 0.99, 1].map((q) => quantile(times, q).toFixed(1)).join(' | ')} |`;
	const p95 = quantile(hooked, 0.95);
	process.stdout.write(
		[
			'',
			`IM hook round trip, ${SENDS} sends one after another (n8n ${instance.runtime.version}, the example "moderate before delivery"):`,
			'| ms | p50 | p95 | p99 | max |',
			'|---|---|---|---|---|',
			row('send → ack, with the hook', hooked),
			row('hook call alone (sandbox → forwarder → n8n → back)', calls.map((call) => call.ms)),
			row('n8n alone (a signed call straight to its webhook)', n8nOnly),
			row('send → ack, hooks off', plain),
			'',
			`hook calls: ${calls.length}, failed ${failed}, dropped as spam ${dropped}`,
			`goal p95 ≤ ${GOAL_P95_MS} ms (send → ack, with the hook): ${p95.toFixed(1)} ms, ${p95 <= GOAL_P95_MS ? 'MET' : 'NOT MET'}`,
			'',
		].join('\n'),
	);
} finally {
	await stack.stop();
	await instance.stop();
	await sandbox.close();
}
