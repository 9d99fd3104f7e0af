// `npm run bench:trigger`: the LeanCloud IM Trigger keeping up with a busy app, in the real n8n app (one process).
// The sandbox's app gets RATE messages a minute (default 20,000, over 20 conversations, as other clients would send
// them) for MINUTES minutes (default 10); an active workflow polls with the trigger's defaults (a poll a minute, Max
// Items per Poll 30,000) and reports each execution's messages to a collector here. Printed, all measured in this
// run: messages per minute reported, every message once (missing, duplicates), the lag after each poll (how old the
// newest message reported was when its execution ended) and at the end, the items and bytes of the largest
// execution, and n8n's resident memory (before, peak). Takes MINUTES + about 3 minutes.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

import { CREDENTIAL_ID, CREDENTIAL_NAME } from '../scripts/n8n-instance.mjs';
import { n8nWith, startSandbox } from './storm.mjs';

const RATE = Number(process.env.BENCH_RATE ?? 20_000);
const MINUTES = Number(process.env.BENCH_MINUTES ?? 10);
const CONVERSATIONS = 20;
const TICK_MS = 100;
/** @type {(ms: number) => Promise<void>} */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @typedef {{ at: number, count: number, newest: number, bytes: number, ids: string[] }} Report */
/** @type {Report[]} */
const reports = [];
const collector = createServer((req, res) => {
	/** @type {Buffer[]} */
	const chunks = [];
	req.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
	req.on('end', () => {
		const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
		reports.push({ at: Date.now(), count: body.ids.length, newest: body.newest, bytes: body.bytes, ids: body.ids });
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end('{}');
	});
});
await new Promise((resolve) => collector.listen(0, '127.0.0.1', () => resolve(undefined)));
const collectorPort = /** @type {import('node:net').AddressInfo} */ (collector.address()).port;

/** @param {string} startFrom */
function triggerWorkflow(startFrom) {
	return {
		id: 'lcimBenchTrigger1',
		name: 'Bench: the trigger under a busy app',
		nodes: [
			{
				id: 't',
				name: 'New Message',
				type: 'n8n-nodes-leancloud-im.leanCloudImTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { event: 'newMessage', scope: 'app', options: { startFrom } },
				credentials: { leanCloudImApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
			},
			{
				id: 'r',
				name: 'Report',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [240, 0],
				executeOnce: true,
				parameters: {
					method: 'POST',
					url: `http://127.0.0.1:${collectorPort}/report`,
					sendBody: true,
					specifyBody: 'json',
					jsonBody:
						'={{ JSON.stringify({ ids: $input.all().map(item => item.json.messageId), newest: $input.all().reduce((max, item) => Math.max(max, item.json.timestamp), 0), bytes: JSON.stringify($input.all().map(item => item.json)).length }) }}',
					options: {},
				},
			},
		],
		connections: { 'New Message': { main: [[{ node: 'Report', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** n8n's resident memory in MB, from /proc. @param {number | undefined} pid */
function rssMb(pid) {
	if (!pid) return NaN;
	const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) / 1024 : NaN;
}

const sandbox = await startSandbox({ port: 0 });
const conversations = Array.from({ length: CONVERSATIONS }, (_, index) => sandbox.store.createConversation({ name: `busy ${index}`, m: ['alice', 'bob'] }).objectId);
const feedStart = Date.now() + 150_000; // n8n is installed and started before the feed; the trigger starts from here
const instance = await n8nWith({ sandbox, port: 5692, workflows: [triggerWorkflow(new Date(feedStart).toISOString())] });
let peakRss = 0;
const baseRss = rssMb(instance.pid);
const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssMb(instance.pid))), 1000);
/** @type {Set<string>} */
const created = new Set();
try {
	process.stderr.write(`n8n ready (RSS ${baseRss.toFixed(0)} MB); feeding ${RATE.toLocaleString('en-US')} messages a minute for ${MINUTES} min\n`);
	while (Date.now() < feedStart) await sleep(100);
	const started = Date.now();
	const feedEnd = started + MINUTES * 60_000;
	let sent = 0;
	let printed = started;
	while (Date.now() < feedEnd) {
		// As many as the rate says by now: a slow tick is caught up by the next.
		const due = Math.floor(((Date.now() - started) / 60_000) * RATE);
		for (; sent < due; sent++) {
			const record = sandbox.store.addMessage(conversations[sent % CONVERSATIONS], sent % 2 ? 'alice' : 'bob', JSON.stringify({ _lctype: -1, _lctext: `busy message ${sent}` }));
			created.add(record['msg-id']);
		}
		if (Date.now() - printed >= 30_000) {
			printed = Date.now();
			process.stderr.write(`  ${((printed - started) / 60_000).toFixed(1)} min: ${sent} sent, ${reports.reduce((sum, report) => sum + report.count, 0)} reported, n8n RSS ${rssMb(instance.pid).toFixed(0)} MB\n`);
		}
		await sleep(TICK_MS);
	}
	// The polls after the feed report the rest.
	const waitEnd = Date.now() + 150_000;
	while (Date.now() < waitEnd && reports.reduce((sum, report) => sum + report.count, 0) < created.size) await sleep(1000);
	const elapsedMin = (feedEnd - started) / 60_000;

	const seen = new Map();
	for (const report of reports) for (const id of report.ids) seen.set(id, (seen.get(id) ?? 0) + 1);
	const missing = [...created].filter((id) => !seen.has(id)).length;
	const duplicates = [...seen.values()].filter((count) => count > 1).length;
	const duringFeed = reports.filter((report) => report.at <= feedEnd + 5_000);
	const reportedDuringFeed = duringFeed.reduce((sum, report) => sum + report.count, 0);
	const lags = reports.map((report) => (report.at - report.newest) / 1000);
	const lastDuringFeed = duringFeed[duringFeed.length - 1];
	const largest = reports.reduce((max, report) => (report.count > max.count ? report : max), reports[0] ?? { count: 0, bytes: 0 });
	/** @type {Array<[string, string, string, boolean | undefined]>} */
	const rows = [
		['messages sent', `${created.size.toLocaleString('en-US')} in ${elapsedMin.toFixed(1)} min (${Math.round(created.size / elapsedMin).toLocaleString('en-US')} a minute)`, '', undefined],
		['reported while the feed ran', `${Math.round(reportedDuringFeed / elapsedMin).toLocaleString('en-US')} a minute`, '', undefined],
		['missing / duplicates in the end', `${missing} / ${duplicates}`, '0 / 0', missing === 0 && duplicates === 0],
		['executions', String(reports.length), '', undefined],
		['lag after each poll (s)', lags.map((lag) => lag.toFixed(0)).join(', '), '', undefined],
		[`lag after ${MINUTES} minutes`, lastDuringFeed ? `${((lastDuringFeed.at - lastDuringFeed.newest) / 1000).toFixed(0)} s` : 'no report', '< 60 s (not growing: each poll reads up to its own time)', lastDuringFeed ? lastDuringFeed.at - lastDuringFeed.newest < 60_000 : false],
		['largest execution', `${largest.count.toLocaleString('en-US')} items, ${(largest.bytes / 1024 / 1024).toFixed(1)} MB of item JSON`, '', undefined],
		['n8n resident memory', `${baseRss.toFixed(0)} MB before, ${peakRss.toFixed(0)} MB at the peak`, '', undefined],
	];
	process.stdout.write('\n| measure | result | goal | |\n|---|---|---|---|\n');
	for (const [measure, value, goal, ok] of rows) process.stdout.write(`| ${measure} | ${value} | ${goal} | ${ok === undefined ? '' : ok ? 'met' : 'NOT MET'} |\n`);
} finally {
	clearInterval(sampler);
	await instance.stop();
	await sandbox.close();
	collector.close();
}
