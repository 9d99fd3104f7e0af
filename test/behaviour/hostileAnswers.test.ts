/**
 * Hostile answers that cost memory or CPU (issue rows 7 and 8): each a real local server, each test asserting the bound
 * (items out, requests made, milliseconds the event loop was blocked).
 */
import type { IDataObject } from 'n8n-workflow';

import { MAX_RECORDS_PER_ANSWER } from '../../nodes/shared/paging/paginate';
import { byId, oid } from '../harness/leancloud';
import { leastBlock } from '../harness/eventLoop.cjs';
import { hostileServers } from '../harness/hostileServers';
import type { HostileServer } from '../harness/hostile.cjs';
import { defaultCredentials, runNode, TEST_MASTER_KEY } from '../../harness/runNode';

const serve = hostileServers();
const at = (server: HostileServer) => ({ ...defaultCredentials, apiServer: server.url });
const members = (extra: IDataObject = {}) => ({ resource: 'member', operation: 'getAll', returnAll: true, conversationId: byId(oid('hostile')), ...extra });

/**
 * What the issue allows one response to block the event loop. Measured on wall time, which a loaded machine inflates
 * (the process descheduled, another suite's burst): the least of up to three attempts is held to it.
 */
const MAX_BLOCK_MS = 250;

describe('one answer holds more records than any LeanCloud list', () => {
	test(`a whole-list answer of 20,000 records fails each item at once (no 20,000 items), with one request each`, async () => {
		const body = JSON.stringify({ result: Array.from({ length: 20_000 }, (_, index) => `u${index}`) });
		const server = await serve((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(body);
		});
		const items = Array.from({ length: 8 }, (_, index) => ({ json: { index } }));
		const { output } = await runNode({ items, continueOnFail: true, credentials: at(server), parameters: members() });
		expect(output).toHaveLength(8);
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		for (const item of output) {
			expect(item.json.error).toBe(`LeanCloud: One answer held 20,000 records, more than the ${MAX_RECORDS_PER_ANSWER.toLocaleString('en-US')} any LeanCloud list gives`);
		}
		expect(server.requests).toHaveLength(8);
	});

	test('Max Output Items bounds the whole run: the item whose page passes it fails, before another page is read', async () => {
		// A conversation query that always has a full page more (new IDs at every skip).
		const server = await serve((req, res) => {
			const skip = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('skip') ?? 0);
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ results: Array.from({ length: 100 }, (_, index) => ({ objectId: oid(`c${skip + index}`), name: 'n' })) }));
		});
		const items = Array.from({ length: 3 }, (_, index) => ({ json: { index } }));
		const { output, error } = await runNode({
			items,
			credentials: at(server),
			parameters: { resource: 'conversation', operation: 'getAll', returnAll: true, options: { maxOutputItems: 250, concurrency: 1 } },
		});
		expect(output).toEqual([]);
		expect(error?.message).toBe('"Options > Max Output Items" is 250, and this run would output more items [item 0]');
		expect(error?.description).toContain('raise Options > Max Output Items');
		// 100, 200, then 300 > 250: three pages of the first item, nothing of the others.
		expect(server.requests).toHaveLength(3);
	});
});

describe('big answers do not stall the instance', () => {
	const escapedText = '\\u4f60\\u597d 0123456789abcdef,12345678 '.repeat(120);
	const historyLike = (count: number) =>
		`{"result":["alice"],"records":[${Array.from({ length: count }, (_, index) => `{"msg-id":"m${index}","timestamp":${1_700_000_000_000 + index},"data":"${escapedText}"}`).join(',')}]}`;
	const hexRich = (bytes: number) => `{"result":["alice"],"padding":"${'0123456789abcdef'.repeat(bytes / 16)}"}`;

	test.each([
		['15 MB of history-like records with \\u escapes (every string is redacted)', historyLike(3_300)],
		['a 15 MB hex string (the worst case for finding signatures)', hexRich(15 * 1024 * 1024)],
	])(`%s: read, parsed and redacted without blocking the event loop ${MAX_BLOCK_MS} ms`, async (_name, text) => {
		expect(text.length).toBeGreaterThan(14 * 1024 * 1024);
		// Encoded once here: the server shares the test's event loop, and its own work is not the node's.
		const body = Buffer.from(text);
		const server = await serve((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(body);
		});
		const { value, attemptsMs } = await leastBlock(async () => await runNode({ credentials: at(server), parameters: members() }), MAX_BLOCK_MS);
		expect(value.error).toBeUndefined();
		expect(value.output.map((item) => item.json)).toEqual([{ clientId: 'alice' }]);
		expect(Math.min(...attemptsMs)).toBeLessThan(MAX_BLOCK_MS);
	}, 60_000);

	test(`a 31 MB error page is read only up to 64 KB: the item fails at once, the event loop never blocked ${MAX_BLOCK_MS} ms`, async () => {
		const page = `<html><body>Gateway trouble ${TEST_MASTER_KEY} ${'x'.repeat(31 * 1024 * 1024)}</body></html>`;
		let sent = 0;
		const server = await serve((_req, res) => {
			res.writeHead(502, { 'Content-Type': 'text/html' });
			for (let offset = 0; offset < page.length && !res.destroyed; offset += 1024 * 1024) {
				res.write(page.slice(offset, offset + 1024 * 1024));
				sent += 1;
			}
			res.end();
		});
		const { value, attemptsMs } = await leastBlock(
			async () => await runNode({ continueOnFail: true, credentials: at(server), parameters: members({ options: { retryOnErrors: 'never' } }) }),
			MAX_BLOCK_MS,
		);
		expect(value.output).toHaveLength(1);
		expect(value.output[0].json.error).toMatch(/^LeanCloud: Gateway trouble \[redacted\] x+/);
		expect(sent).toBeGreaterThan(0);
		expect(Math.min(...attemptsMs)).toBeLessThan(MAX_BLOCK_MS);
	}, 60_000);

	test('an answer nested 100,000 levels deep fails the item with a clear error (no stack overflow)', async () => {
		const server = await serve((_req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(`{"result":["alice"],"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
		});
		const { output } = await runNode({ continueOnFail: true, credentials: at(server), parameters: members() });
		expect(output.map((item) => item.json.error)).toEqual(['LeanCloud: The answer is nested more than 64 levels deep [HTTP 200]']);
	});
});
