// Shared pieces of the benchmark: the sandbox as a separate process, a plain HTTP client, and our node run
// inside n8n's engine through the compiled engine harness, harness/runNode.ts (.bench-build, made by `npm run bench`).
import { spawn } from 'node:child_process';
import http from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(new URL('..', import.meta.url).pathname);
const APP_ID = 'SandboxAppId-n8nLeanCloudIm';
const MASTER_KEY = 'sandbox-master-key';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'lcim-bench-'));
process.env.N8N_LOG_LEVEL = 'silent';
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';

/** Starts the sandbox in its own process, so the server does not share the client's event loop. */
export async function startServer(env = {}) {
	const child = spawn(process.execPath, [join(REPO, 'sandbox', 'server.cjs')], {
		// No quota unless the caller sets one: the throughput and memory sections measure the client alone.
		env: { ...process.env, SANDBOX_PORT: '0', SANDBOX_DEMO: 'false', SANDBOX_NORMAL_QUOTA: '100000000/60000', ...env },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const url = await new Promise((resolveUrl, reject) => {
		let output = '';
		child.stdout.on('data', (chunk) => {
			output += chunk;
			const match = /API Server: (\S+)/.exec(output);
			if (match) resolveUrl(match[1]);
		});
		child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
	});
	return { url, stop: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) };
}

function headers() {
	const timestamp = String(Date.now());
	return {
		'X-LC-Id': APP_ID,
		'X-LC-Sign': `${createHash('md5').update(timestamp + MASTER_KEY).digest('hex')},${timestamp},master`,
		'Content-Type': 'application/json',
	};
}

/**
 * A signed request to the sandbox; the body is whatever JSON it answered.
 * @param {string} url
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 */
export async function call(url, method, path, body) {
	const response = await fetch(`${url}/1.2/rtm/${path}`, { method, headers: headers(), body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: response.status, body: /** @type {any} */ (await response.json()) };
}

/**
 * @param {string} url
 * @param {number} count
 * @returns {Promise<string[]>}
 */
export async function createConversations(url, count) {
	/** @type {string[]} */
	const ids = [];
	for (let index = 0; index < count; index++) ids.push((await call(url, 'POST', 'conversations', { name: `bench ${index}`, m: ['bot'] })).body.objectId);
	return ids;
}

/** One POST over a fresh connection, as n8n's HTTP helper sends every request (it builds a new agent each time). */
/**
 * @param {string} url
 * @param {string} path
 * @param {unknown} body
 * @returns {Promise<number | undefined>}
 */
function postNewConnection(url, path, body) {
	return new Promise((resolvePost, reject) => {
		const payload = JSON.stringify(body);
		const request = http.request(
			`${url}/1.2/rtm/${path}`,
			{ method: 'POST', agent: false, headers: { ...headers(), 'Content-Length': Buffer.byteLength(payload), Connection: 'close' } },
			(response) => {
				response.resume();
				response.on('end', () => resolvePost(response.statusCode));
			},
		);
		request.on('error', reject);
		request.end(payload);
	});
}

/**
 * The baseline: a plain HTTP client sending the same requests, `concurrency` at a time, no retries. By default
 * each over a new connection like the node's requests; `keepAlive` reuses connections (fetch's default).
 */
/**
 * @param {string} url
 * @param {Job[]} jobs
 * @param {number} concurrency
 * @param {{ keepAlive?: boolean }} [options]
 */
export async function plainSends(url, jobs, concurrency, { keepAlive = false } = {}) {
	let cursor = 0;
	let failed = 0;
	const worker = async () => {
		while (cursor < jobs.length) {
			const job = jobs[cursor++];
			const body = { from_client: 'bot', message: job.text };
			const path = `conversations/${job.conv}/messages`;
			const status = keepAlive ? (await call(url, 'POST', path, body)).status : await postNewConnection(url, path, body);
			if (status !== 200) failed++;
		}
	};
	const started = performance.now();
	await Promise.all(Array.from({ length: concurrency }, worker));
	return { ms: performance.now() - started, failed };
}

/** @type {typeof import('../harness/runNode.js')} */
const harness = createRequire(import.meta.url)(join(REPO, '.bench-build', 'harness', 'runNode.js'));
const { runNode } = harness;

/** Our node inside n8n's engine, one input item per job, continuing on failures so they can be counted. */
/**
 * @param {string} url
 * @param {Job[]} jobs
 * @param {import('n8n-workflow').INodeParameters} [options] the node's Options collection
 */
export async function nodeSends(url, jobs, options = {}) {
	const started = performance.now();
	const result = await runNode({
		items: jobs,
		continueOnFail: true,
		credentials: { appId: APP_ID, clientToken: 'sandbox-app-key', serverSecret: MASTER_KEY, apiServer: url, signRequests: true },
		parameters: {
			resource: 'message',
			operation: 'send',
			conversationId: { __rl: true, mode: 'id', value: '={{ $json.conv }}' },
			fromClient: 'bot',
			text: '={{ $json.text }}',
			options,
		},
	});
	if (result.error) throw result.error;
	return { ms: performance.now() - started, failed: result.output.filter((item) => item.json.error).length, output: result.output };
}

/**
 * @param {string} url
 * @param {string} conversationId
 */
export async function nodeHistory(url, conversationId) {
	const started = performance.now();
	const result = await runNode({
		credentials: { appId: APP_ID, clientToken: 'sandbox-app-key', serverSecret: MASTER_KEY, apiServer: url, signRequests: true },
		parameters: { resource: 'message', operation: 'getAll', conversationId: { __rl: true, mode: 'id', value: conversationId }, returnAll: true },
	});
	if (result.error) throw result.error;
	return { ms: performance.now() - started, count: result.output.length };
}

/** @typedef {{ conv: string, text: string }} Job */

/** @type {(count: number, conversations: string[]) => Job[]} */
export const jobsFor = (count, conversations) => Array.from({ length: count }, (_, index) => ({ conv: conversations[index % conversations.length], text: `#${index}` }));

/**
 * One item with `megabytes` of binary data (as n8n keeps it in memory: base64), into File > Upload, or into File >
 * Create From URL, which leaves the binary data alone (the baseline: the same item, no upload).
 * @param {string} url
 * @param {number} megabytes
 * @param {boolean} upload
 */
export async function nodeUpload(url, megabytes, upload) {
	harness.registerNodeType('bench.bigBinary', {
		description: { displayName: 'Big Binary', name: 'bigBinary', group: ['input'], version: 1, description: 'One item with a large file', defaults: { name: 'Big Binary' }, inputs: ['main'], outputs: ['main'], properties: [] },
		async execute() {
			const bytes = Buffer.alloc(megabytes * 1024 * 1024, 7);
			return [[{ json: {}, binary: { data: { data: bytes.toString('base64'), mimeType: 'application/octet-stream', fileName: 'big.bin' } } }]];
		},
	});
	const credentials = { appId: APP_ID, clientToken: 'sandbox-app-key', serverSecret: MASTER_KEY, apiServer: url, signRequests: true };
	const nodes = [
		{ id: 'b', name: 'Big Binary', type: 'bench.bigBinary', typeVersion: 1, position: [0, 0], parameters: {} },
		{
			id: 'u',
			name: 'LeanCloud IM',
			type: 'n8n-nodes-leancloud-im.leanCloudIm',
			typeVersion: 1,
			position: [200, 0],
			parameters: upload ? { resource: 'file', operation: 'upload' } : { resource: 'file', operation: 'createFromUrl', fileUrl: 'https://example.com/big.bin' },
			credentials: { leanCloudImApi: { id: 'cred-1', name: 'LeanCloud IM account' } },
		},
	];
	const run = await harness.runWorkflow(/** @type {any} */ (nodes), { 'Big Binary': { main: [[{ node: 'LeanCloud IM', type: 'main', index: 0 }]] } }, 'Big Binary', credentials);
	const error = run.data.resultData.error;
	if (error) throw error;
	const output = run.data.resultData.runData['LeanCloud IM']?.[0]?.data?.main?.[0]?.[0]?.json;
	if (upload && output?.size !== megabytes * 1024 * 1024) throw new Error(`upload output: ${JSON.stringify(output)}`);
}
