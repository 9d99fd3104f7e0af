// `npm run bench`: the node inside n8n's engine against the sandbox on loopback, compared with a plain HTTP
// client in the same run. Every figure printed is a ratio or a count measured in this run.
import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

import { REPO, call, createConversations, jobsFor, nodeSends, plainSends, startServer } from './lib.mjs';

/** @type {Array<{ section: string, measure: string, value: string, goal: string, ok: string }>} */
const rows = [];
/** @type {(section: string, measure: string, value: string, goal?: string, ok?: string) => void} */
const row = (section, measure, value, goal = '', ok = '') => {
	rows.push({ section, measure, value, goal, ok });
	process.stderr.write(`  ${section} | ${measure}: ${value} ${goal ? `(goal ${goal}: ${ok})` : ''}\n`);
};
/** @type {(value: number, digits?: number) => string} */
const fixed = (value, digits = 2) => value.toFixed(digits);
/** @type {(condition: boolean) => string} */
const pass = (condition) => (condition ? 'met' : 'NOT MET');

/**
 * @template T
 * @param {Record<string, string>} env
 * @param {(url: string) => Promise<T>} fn
 * @returns {Promise<T>}
 */
async function withServer(env, fn) {
	const server = await startServer(env);
	try {
		return await fn(server.url);
	} finally {
		await server.stop();
	}
}

// 1. Overhead: concurrency 1, identical requests, one conversation.
for (const latency of [0, 20]) {
	await withServer({ SANDBOX_LATENCY_MS: String(latency) }, async (url) => {
		const [conversation] = await createConversations(url, 1);
		const jobs = jobsFor(2000, [conversation]);
		const plain = await plainSends(url, jobs, 1);
		const reused = await plainSends(url, jobs, 1, { keepAlive: true });
		const node = await nodeSends(url, jobs, { concurrency: 1 });
		const ratio = plain.ms / node.ms;
		row('1 overhead', `node vs plain client, concurrency 1, ${latency} ms latency, 2,000 sends (items/s ratio)`, fixed(ratio), latency === 20 ? '>= 0.90' : '', latency === 20 ? pass(ratio >= 0.9) : '');
		row('1 overhead', `  same, vs a plain client reusing connections (n8n's helper cannot)`, fixed(reused.ms / node.ms));
	});
}

// 2. Concurrency 16 against a 20 ms server, sends spread over 100 conversations.
await withServer({ SANDBOX_LATENCY_MS: '20' }, async (url) => {
	const jobs = jobsFor(2000, await createConversations(url, 100));
	const plain = await plainSends(url, jobs, 16);
	const reused = await plainSends(url, jobs, 16, { keepAlive: true });
	const node = await nodeSends(url, jobs, { concurrency: 16 });
	const ratio = plain.ms / node.ms;
	row('2 concurrency', 'node vs plain client, concurrency 16, 20 ms latency, 2,000 sends (items/s ratio)', fixed(ratio), '>= 0.85', pass(ratio >= 0.85));
	row('2 concurrency', `  same, vs a plain client reusing connections (n8n's helper cannot)`, fixed(reused.ms / node.ms));
});

// 3. A quota of 100 sends per 2-second window (LeanCloud's rule, shortened): 1,000 sends over 100 conversations.
const QUOTA = { limit: 100, windowMs: 2000 };
const quotaEnv = { SANDBOX_NORMAL_QUOTA: `${QUOTA.limit}/${QUOTA.windowMs}`, SANDBOX_RETRY_AFTER: 'true' };
const SENDS = 1000;
// The fastest any client can go: one full window per batch after the first.
const theoreticalMs = (Math.ceil(SENDS / QUOTA.limit) - 1) * QUOTA.windowMs;
await withServer(quotaEnv, async (url) => {
	const conversations = await createConversations(url, 100);
	const jobs = jobsFor(SENDS, conversations);
	const node = await nodeSends(url, jobs); // default options: the node does not know the quota
	row('3 quota', 'node, default options, completion time vs theoretical minimum', fixed(node.ms / theoreticalMs), '<= 1.05', pass(node.ms / theoreticalMs <= 1.05));
	row('3 quota', 'node, items failed', String(node.failed), '0', pass(node.failed === 0));

	let delivered = 0;
	let duplicates = 0;
	let orderViolations = 0;
	for (const conversation of conversations) {
		const { body } = await call(url, 'GET', `conversations/${conversation}/messages?reversed=true&limit=1000`);
		const numbers = body.map((/** @type {{ data: string }} */ record) => Number(record.data.slice(1)));
		delivered += numbers.length;
		duplicates += numbers.length - new Set(numbers).size;
		for (let index = 1; index < numbers.length; index++) if (numbers[index] < numbers[index - 1]) orderViolations++;
	}
	row('3 quota', 'node, messages delivered / items', `${delivered} / ${SENDS}`);
	row('3 quota', 'node, duplicate sends', String(duplicates), '0', pass(duplicates === 0));
	row('3 quota', 'node, per-conversation order violations', String(orderViolations), '0', pass(orderViolations === 0));
});
await withServer(quotaEnv, async (url) => {
	const jobs = jobsFor(SENDS, await createConversations(url, 100));
	const allAtOnce = await plainSends(url, jobs, SENDS);
	row('3 quota', 'all at once (HTTP Request node default), items failed', `${allAtOnce.failed} of ${SENDS}`);
});

// 4. Peak memory, each in a fresh process.
/** @type {(...args: string[]) => number} */
const memory = (...args) => JSON.parse(execFileSync(process.execPath, [join(REPO, 'bench', 'memory.mjs'), ...args], { encoding: 'utf8' })).rssMb;
const baseline = memory('sends', '0');
const rss10k = memory('sends', '10000');
const rss50k = memory('sends', '50000');
const history = memory('history', '100000');
row('4 memory', 'peak RSS: engine loaded, no items (MB)', fixed(baseline, 0));
row('4 memory', 'peak RSS: 10,000 sends (MB)', fixed(rss10k, 0));
row('4 memory', 'peak RSS: 50,000 sends (MB)', fixed(rss50k, 0));
row('4 memory', 'growth per item kept, 10,000 -> 50,000 sends (KB)', fixed(((rss50k - rss10k) * 1024) / 40_000, 1));
row('4 memory', 'peak RSS: Return All over 100,000 history records (MB)', fixed(history, 0));
// A 100 MB file from binary data (kept in memory as base64, as n8n's default binary mode does) through File > Upload,
// against the same item through an operation that leaves it alone: the difference is what the upload costs.
const UPLOAD_MB = 100;
const uploadBaseline = memory('upload-baseline', String(UPLOAD_MB));
const uploadPeak = memory('upload', String(UPLOAD_MB));
row('5 files', `peak RSS: one item with ${UPLOAD_MB} MB of binary data, not uploaded (MB)`, fixed(uploadBaseline, 0));
row('5 files', `peak RSS: the same item uploaded with File > Upload (MB)`, fixed(uploadPeak, 0));
row('5 files', 'extra memory of the upload vs the file\'s size', fixed((uploadPeak - uploadBaseline) / UPLOAD_MB), '< 2', pass((uploadPeak - uploadBaseline) / UPLOAD_MB < 2));

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
process.stdout.write(`\nLeanCloud IM node benchmark (${machine})\n\n| section | measure | result | goal | |\n|---|---|---|---|---|\n`);
for (const { section, measure, value, goal, ok } of rows) process.stdout.write(`| ${section} | ${measure} | ${value} | ${goal} | ${ok} |\n`);
