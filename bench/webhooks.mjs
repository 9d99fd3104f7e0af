// `npm run bench:webhooks`: CRM events as many executions, in the real n8n app (one process). Three cases:
//   A. LeanCloud's rule shortened, with Retry-After: 10 sends per 2-second window, 200 events for 20 conversations,
//      with the server's windows aligned to the clock (A1) and starting at the first request after the last ended (A2);
//   B. the documented case without Retry-After: 40 sends per 60-second window, 100 events for 20 conversations
//      (a waiting execution must assume the documented minute).
// Each case runs our node and n8n's HTTP Request node in the same n8n, one after the other, against a fresh
// sandbox quota. Every figure printed is measured in this run. Takes about 8 minutes.
import { delivery, httpRequestWorkflow, n8nWith, nodeWorkflow, quotaMinimumMs, settleDelivery, startSandbox, storm } from './storm.mjs';

const GAP_MS = 50;
/** @type {Array<{ name: string, quota: { limit: number, windowMs: number, windows: 'clock' | 'firstRequest' }, retryAfter: boolean, events: number }>} */
const CASES = [
	{ name: 'A1: Retry-After, 10 per 2 s, clock windows', quota: { limit: 10, windowMs: 2000, windows: 'clock' }, retryAfter: true, events: 200 },
	{ name: 'A2: Retry-After, 10 per 2 s, windows from the first request', quota: { limit: 10, windowMs: 2000, windows: 'firstRequest' }, retryAfter: true, events: 200 },
	{ name: 'B: no Retry-After, 40 per 60 s', quota: { limit: 40, windowMs: 60_000, windows: 'clock' }, retryAfter: false, events: 100 },
];
const only = process.env.BENCH_CASE; // "A", "A2" or "B" to run those cases

/** @type {Array<{ caseName: string, contender: string, measure: string, value: string, goal: string, ok: string }>} */
const rows = [];
/**
 * @param {string} caseName
 * @param {string} contender
 * @param {string} measure
 * @param {string} value
 * @param {string} [goal]
 * @param {string} [ok]
 */
function row(caseName, contender, measure, value, goal = '', ok = '') {
	rows.push({ caseName, contender, measure, value, goal, ok });
	process.stderr.write(`  ${caseName} | ${contender} | ${measure}: ${value}${goal ? ` (goal ${goal}: ${ok})` : ''}\n`);
}
/** @type {(condition: boolean) => string} */
const pass = (condition) => (condition ? 'met' : 'NOT MET');

/** @param {(typeof CASES)[number]} scenario */
async function runCase({ name, quota, retryAfter, events }) {
	const sandbox = await startSandbox({ port: 0, logRequests: true, retryAfterHeader: retryAfter, limits: { normal: quota } });
	/** @type {(label: string) => string[]} */
	const conversations = (label) => Array.from({ length: 20 }, (_, index) => sandbox.store.createConversation({ name: `${label} ${index}`, m: ['crm-bot'] }).objectId);
	const instance = await n8nWith({
		sandbox,
		port: 5691,
		workflows: [nodeWorkflow('lcimStormNode0001', 'storm-node'), httpRequestWorkflow('lcimStormHttp0001', 'storm-http', sandbox)],
	});
	try {
		for (const contender of ['node', 'HTTP Request']) {
			// A fresh quota window for each contender.
			await new Promise((resolve) => setTimeout(resolve, quota.windowMs + 500));
			const targets = conversations(contender);
			const before = sandbox.requests.length;
			const started = Date.now();
			const { calls, accepted } = await storm({ url: instance.url, path: contender === 'node' ? 'storm-node' : 'storm-http', conversations: targets, count: events, gapMs: GAP_MS });
			await settleDelivery(sandbox, calls, events, contender === 'node' ? quota.windowMs * 2 + 15_000 : 10_000, 20 * 60_000);
			const { delivered, duplicates, violations, lastAt } = delivery(sandbox, calls);
			const rejected = sandbox.requests.slice(before).filter((request) => request.status === 429).length;
			const elapsed = (lastAt || Date.now()) - started;
			const minimum = quotaMinimumMs(events, quota);
			const goals = contender === 'node';
			row(name, contender, 'webhook calls accepted', `${accepted} / ${events}`);
			row(name, contender, 'delivered / failed', `${delivered} / ${events - delivered}`, goals ? '0 failed' : '', goals ? pass(delivered === events) : '');
			row(name, contender, 'duplicates', String(duplicates), goals ? '0' : '', goals ? pass(duplicates === 0) : '');
			row(name, contender, 'per-conversation order violations', String(violations), goals ? '0' : '', goals ? pass(violations === 0) : '');
			const perDelivered = delivered ? rejected / delivered : Infinity;
			row(name, contender, '429s per delivered message', `${perDelivered.toFixed(3)} (${rejected} in all)`, goals ? '<= 0.05' : '', goals ? pass(perDelivered <= 0.05) : '');
			if (delivered === events) {
				row(name, contender, 'time vs the quota minimum', `${(elapsed / minimum).toFixed(2)} (${(elapsed / 1000).toFixed(1)} s vs ${(minimum / 1000).toFixed(0)} s)`, goals ? '<= 1.10' : '', goals ? pass(elapsed / minimum <= 1.1) : '');
			}
		}
	} finally {
		await instance.stop();
		await sandbox.close();
	}
}

for (const entry of CASES) {
	if (only && !entry.name.startsWith(only)) continue;
	process.stderr.write(`case ${entry.name}\n`);
	await runCase(entry);
}

process.stdout.write('\n| case | contender | measure | result | goal | |\n|---|---|---|---|---|---|\n');
for (const { caseName, contender, measure, value, goal, ok } of rows) process.stdout.write(`| ${caseName} | ${contender} | ${measure} | ${value} | ${goal} | ${ok} |\n`);
process.exit(0);
