/**
 * Hostile and broken servers, round two: each case is a real local server (a socket, not a mock) answering as
 * described, and each test asserts the bound (requests made, items out) with margins that hold on a slow machine.
 */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { LeanCloudFailure } from '../../nodes/shared/errors/leanCloudFailure';
import { MAX_RATE_LIMIT_REFUSALS, READ_POLICY, sendWithPolicy } from '../../nodes/shared/sending/retry';
import { settle } from '../../nodes/shared/errors/settle';
import { rtm } from '../../nodes/shared/params/path';
import { startServer, type HostileServer } from '../harness/hostile.cjs';
import { until } from '../harness/hooks';
import { byId, oid } from '../harness/leancloud';
import { defaultCredentials, runNode, runPoll, TEST_APP_KEY, TEST_MASTER_KEY } from '../../harness/runNode';

const CONVERSATION = oid('hostile');

const servers: HostileServer[] = [];
beforeAll(() => nock.enableNetConnect('127.0.0.1'));
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (server) => await server.close()));
});
afterAll(() => nock.disableNetConnect());

/** A local server answering every request with 429 and this Retry-After, forever. */
async function refusingServer(retryAfter: string): Promise<HostileServer> {
	const server = await startServer((_req, res) => {
		res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': retryAfter });
		res.end(JSON.stringify({ code: 429, error: 'Too many requests.' }));
	});
	servers.push(server);
	return server;
}

const at = (server: HostileServer) => ({ ...defaultCredentials, apiServer: server.url });
const members = (extra: IDataObject = {}) => ({ resource: 'member', operation: 'getAll', returnAll: true, conversationId: byId(CONVERSATION), ...extra });

describe('429 answers that would make a tight loop', () => {
	test.each(['0', '0.001', new Date(Date.now() - 3_600_000).toUTCString()])('Retry-After: %s is waited at least a second each time: a read fails after Max Wait with 5 requests, not thousands', async (retryAfter) => {
		const server = await refusingServer(retryAfter);
		const { error } = await runNode({ credentials: at(server), parameters: members({ options: { maxRateLimitWait: 4 } }) });
		// 1 s floor, 4 s of Max Wait: the first request and four resends, then the fifth wait would pass Max Wait.
		expect(server.requests).toHaveLength(5);
		expect(error?.message).toBe('LeanCloud: Too many requests. [HTTP 429, code 429]');
		expect(error?.description).toContain('it refused the request 5 times');
	});

	test.each(['-1', 'soon'])('an unusable Retry-After (%s) is LeanCloud\'s documented minute: past Max Wait at once', async (retryAfter) => {
		const server = await refusingServer(retryAfter);
		const { error } = await runNode({ credentials: at(server), parameters: members({ options: { maxRateLimitWait: 30 } }) });
		expect(server.requests).toHaveLength(1);
		expect(error?.description).toContain('waiting it out would take 60 s more');
	});

	test('a send (paced by the shared quota) meets the same floor: a handful of requests, not thousands, then the item fails', async () => {
		const server = await refusingServer('0');
		const { error } = await runNode({
			credentials: at(server),
			parameters: { resource: 'message', operation: 'send', conversationId: byId(CONVERSATION), fromClient: 'bot', text: 'Hi', options: { maxRateLimitWait: 3 } },
		});
		expect(server.requests.length).toBeGreaterThanOrEqual(2);
		expect(server.requests.length).toBeLessThanOrEqual(8);
		expect(error?.httpCode).toBe('429');
	});

	test(`the trigger stops after ${MAX_RATE_LIMIT_REFUSALS} refusals of one request, and says how many`, async () => {
		const server = await refusingServer('0');
		const poll = await settle(
			runPoll({ credentials: at(server), parameters: { event: 'newMessage', scope: 'app' }, staticData: { 'node:LeanCloud IM Trigger': { cursor: { key: 'message:app', position: Date.now(), seen: [] } } } }),
		);
		expect(poll.ok).toBe(false);
		expect((poll as { error: Error }).error.message).toBe(`LeanCloud: Too many requests. (LeanCloud refused the request ${MAX_RATE_LIMIT_REFUSALS + 1} times) [HTTP 429, code 429]`);
		expect(server.requests).toHaveLength(MAX_RATE_LIMIT_REFUSALS + 1);
	}, 30_000);
});

describe('the refusal cap, on the policy itself (fake timers: no waiting)', () => {
	afterEach(() => jest.useRealTimers());

	test(`however long Max Wait is, one request takes at most ${MAX_RATE_LIMIT_REFUSALS} 429s`, async () => {
		jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
		let requests = 0;
		const refuse = async () => {
			requests += 1;
			throw new LeanCloudFailure('Too many requests.', { status: 429, code: 429, retryAfterMs: 0 });
		};
		const outcome = settle(sendWithPolicy(refuse, { method: 'GET', path: rtm`stats` }, { policy: { ...READ_POLICY, maxRateLimitWaitMs: 3_600_000 } }));
		await jest.advanceTimersByTimeAsync(60_000);
		const result = await outcome;
		expect(requests).toBe(MAX_RATE_LIMIT_REFUSALS + 1);
		expect(result.ok).toBe(false);
		expect((result as { error: Error }).error.message).toBe(`Too many requests. (LeanCloud refused the request ${MAX_RATE_LIMIT_REFUSALS + 1} times)`);
	});
});

describe('Return All against a server that never stops giving pages', () => {
	test('a new cursor every time: the walk stops at Max Pages with an error saying how to narrow the query', async () => {
		let page = 0;
		const server = await startServer((_req, res) => {
			page += 1;
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ client_ids: [`spam${page}`], next: `cursor-${page}` }));
		});
		servers.push(server);
		const { error } = await runNode({
			credentials: at(server),
			parameters: { resource: 'blacklist', operation: 'getAll', conversationId: byId(CONVERSATION), returnAll: true, options: { maxPages: 25 } },
		});
		expect(server.requests).toHaveLength(25);
		expect(error?.message).toBe('LeanCloud: Return All stopped after 25 pages (25 records) and the server still had more');
		expect(error?.description).toContain('Narrow the query');
	});

	test('the default bound is 1,000 pages, whatever the server says', async () => {
		let page = 0;
		const server = await startServer((_req, res) => {
			page += 1;
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ client_ids: [`u${page}`], next: String(page) }));
		});
		servers.push(server);
		const { error } = await runNode({ credentials: at(server), parameters: { resource: 'blacklist', operation: 'getAll', conversationId: byId(CONVERSATION), returnAll: true } });
		expect(server.requests).toHaveLength(1000);
		expect(error?.message).toBe('LeanCloud: Return All stopped after 1,000 pages (1,000 records) and the server still had more');
	}, 60_000);
});

describe('the trigger against history records no LeanCloud server sends', () => {
	const T = Date.now() - 60_000;
	/** Static data whose cursor stands at `position` for the whole app. */
	const standingAt = (position: number): IDataObject => ({ 'node:LeanCloud IM Trigger': { cursor: { key: 'message:app', position, seen: [] } } });
	const cursorOf = (staticData: IDataObject) => (staticData['node:LeanCloud IM Trigger'] as { cursor: { position: number; seen: unknown[] } }).cursor;
	const idsOf = (result: Awaited<ReturnType<typeof runPoll>>) => (result?.[0] ?? []).map((item) => item.json.messageId);
	const record = (id: string, timestamp: unknown, extra: IDataObject = {}) => ({ 'msg-id': id, timestamp, 'conv-id': oid('c'), from: 'alice', data: `hello ${id}`, ...extra });

	/** A server whose app-wide history is whatever `history()` answers at the time of the request. */
	async function historyServer(history: () => unknown[]): Promise<HostileServer> {
		const server = await startServer((req, res) => {
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(req.url?.startsWith('/1.2/rtm/messages') ? history() : { results: [] }));
		});
		servers.push(server);
		return server;
	}

	test('missing, null or non-numeric timestamps, repeated IDs, null and non-object entries: skipped, the rest reported once, the cursor stays a time', async () => {
		const server = await historyServer(() => [
			null,
			'spam',
			[1, 2],
			record('no-time', undefined),
			record('null-time', null),
			record('text-time', 'soon'),
			record('a', T + 1_000),
			record('a', T + 1_000),
			record('b', T + 2_000),
		]);
		const staticData = standingAt(T);
		const first = await runPoll({ credentials: at(server), parameters: { event: 'newMessage', scope: 'app' }, staticData });
		expect(idsOf(first)).toEqual(['a', 'b']);
		expect(cursorOf(staticData).position).toBe(T + 2_000);
		// The next poll reads the same answer: nothing again, and the cursor has not moved back to time 0.
		const second = await runPoll({ credentials: at(server), parameters: { event: 'newMessage', scope: 'app' }, staticData });
		expect(second).toBeNull();
		expect(cursorOf(staticData).position).toBe(T + 2_000);
	});

	test('a record stamped ten years ahead is reported once and hides no message sent after it', async () => {
		const future = Date.now() + 10 * 365 * 86_400_000;
		const history = [record('now', T + 1_000), record('future', future)];
		const server = await historyServer(() => history);
		const staticData = standingAt(T);
		expect(idsOf(await runPoll({ credentials: at(server), parameters: { event: 'newMessage', scope: 'app' }, staticData }))).toEqual(['now', 'future']);
		expect(cursorOf(staticData).position).toBeLessThanOrEqual(Date.now());
		history.splice(1, 0, record('after', Date.now()));
		expect(idsOf(await runPoll({ credentials: at(server), parameters: { event: 'newMessage', scope: 'app' }, staticData }))).toEqual(['after']);
	});

	// 500 of them: 1,000 would be 20 MB and more, past the 16 MB an answer may have (that fails before static data is written).
	test('500 records with 20 KB IDs, and 20 KB conversation IDs: static data stays under 1 MB', async () => {
		const huge = (label: string, index: number) => `${label}${index}`.padEnd(20_000, 'x');
		const history = [
			...Array.from({ length: 200 }, (_, index) => record(huge('m', index), T + index + 1)),
			...Array.from({ length: 300 }, (_, index) => record(`ok${index}`, T + 1_000 + index, { 'conv-id': huge('c', index) })),
		];
		const server = await historyServer(() => history);
		const staticData = standingAt(T);
		const result = await runPoll({
			credentials: at(server),
			parameters: { event: 'newMessage', scope: 'app', options: { conversationTypes: ['conversation'] } },
			staticData,
		});
		// The long-ID records are skipped; the others have no known kind (their conversation IDs are not LeanCloud's), so none passes the filter.
		expect(result).toBeNull();
		expect(Buffer.byteLength(JSON.stringify(staticData))).toBeLessThan(1024 * 1024);
		// No lookup carried the 20 KB conversation IDs.
		expect(server.requests.filter((request) => request.url.startsWith('/1.2/rtm/all-conversations'))).toEqual([]);
	});
});

describe('keys echoed back in disguise are redacted as decoded', () => {
	const escaped = (text: string) => [...text].map((character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
	const entities = (text: string) => [...text].map((character) => `&#${character.charCodeAt(0)};`).join('');
	/** Which keys appear in clear in `value` (an item list, or an error with its message and description). */
	const leaks = (value: unknown) => {
		const text = `${JSON.stringify(value ?? null)} ${String((value as Error | undefined)?.message)} ${String((value as { description?: string } | undefined)?.description)}`;
		return [TEST_MASTER_KEY, TEST_APP_KEY].filter((key) => text.includes(key));
	};

	/** A local server answering every request with this status, content type and raw body. */
	async function echoing(status: number, type: string, body: string, headers: Record<string, string> = {}): Promise<HostileServer> {
		const server = await startServer((_req, res) => {
			res.writeHead(status, { 'Content-Type': type, ...headers });
			res.end(body);
		});
		servers.push(server);
		return server;
	}

	test.each([
		['a JSON error with \\u escapes', 400, 'application/json', `{"code":1,"error":"bad key ${escaped(TEST_MASTER_KEY)}"}`],
		['an HTML error page with entities', 502, 'text/html', `<html><body>Gateway saw ${entities(TEST_MASTER_KEY)}</body></html>`],
		['a success body with \\u escapes', 200, 'application/json', `{"result":["${escaped(TEST_MASTER_KEY)}"]}`],
	])('%s: the key reaches neither the error nor the item', async (_name, status, type, body) => {
		const server = await echoing(status, type, body);
		const { output, error } = await runNode({ continueOnFail: true, credentials: at(server), parameters: members({ options: { retryOnErrors: 'never' } }) });
		expect(leaks(output)).toEqual([]);
		expect(leaks(error)).toEqual([]);
		expect(JSON.stringify(output)).toContain('[redacted]');
	});

	test('a redirect to a host named after the key: the error names the host redacted', async () => {
		const server = await echoing(302, 'text/plain', '', { Location: `https://${TEST_MASTER_KEY}.evil.example/steal` });
		const { output } = await runNode({ continueOnFail: true, credentials: at(server), parameters: members() });
		expect(leaks(output)).toEqual([]);
		expect(String(output[0].json.error)).toContain('to host [redacted].evil.example');
	});
});

describe('trigger polls against a server that answers late or never', () => {
	const standing = (): IDataObject => ({ 'node:LeanCloud IM Trigger': { cursor: { key: 'message:app', position: Date.now(), seen: [] } } });

	test('a poll due while the last one still runs is skipped instead of reading the same cursor', async () => {
		// The server holds its answer until the test lets it go: the first poll cannot end before the second is due.
		const answers: Array<() => void> = [];
		const server = await startServer((_req, res) => {
			answers.push(() => {
				res.writeHead(200, { 'Content-Type': 'application/json' });
				res.end('[]');
			});
		});
		servers.push(server);
		const parameters = { event: 'newMessage', scope: 'app', options: { pollTimeout: 600 } };
		const first = settle(runPoll({ credentials: at(server), parameters, staticData: standing() }));
		await until(() => answers.length === 1);
		expect(await runPoll({ credentials: at(server), parameters, staticData: standing() })).toBeNull();
		expect(server.requests).toHaveLength(1);
		answers[0]();
		expect(await first).toEqual({ ok: true, value: null });
		// Once it has ended, the next poll runs again.
		const next = settle(runPoll({ credentials: at(server), parameters, staticData: standing() }));
		await until(() => answers.length === 2);
		answers[1]();
		expect((await next).ok).toBe(true);
	});

	test('a poll against a server that never answers ends at Poll Timeout with a clear error', async () => {
		const server = await startServer(() => {
			// never answers
		});
		servers.push(server);
		const outcome = await settle(runPoll({ credentials: at(server), parameters: { event: 'newMessage', scope: 'app', options: { pollTimeout: 1 } }, staticData: standing() }));
		expect(outcome.ok).toBe(false);
		expect((outcome as { error: Error }).error.message).toBe('The poll did not finish within Options > Poll Timeout (1 s)');
		expect(server.requests).toHaveLength(1);
	});
});
