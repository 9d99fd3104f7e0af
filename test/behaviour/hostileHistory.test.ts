/**
 * History routes that answer in an order the trigger did not ask for (issue row 12), and a trigger that falls behind:
 * each a real local server, each test asserting what was reported (every message once, in time order) and the
 * requests made.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { MAX_WALK_BACK_PAGES } from '../../nodes/LeanCloudImTrigger/historySince';

import { oid } from '../harness/leancloud';
import { hostileServers } from '../harness/hostileServers';
import type { HostileServer } from '../harness/hostile.cjs';
import { defaultCredentials, runPoll } from '../../harness/runNode';
import { captureWarnings } from '../harness/warnings.cjs';

const serve = hostileServers();
const at = (server: HostileServer) => ({ ...defaultCredentials, apiServer: server.url });

interface Message {
	id: string;
	time: number;
}

/** The newest-first order of every history route: time, then ID, both descending. */
const newer = (a: Message, b: Message) => b.time - a.time || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * The app-wide history route over `messages`, paged as LeanCloud pages (`timestamp` and `msgid` start after that
 * record, `limit`), newest first unless `reversed=true` is asked and `honoursReversed`.
 */
async function historyRoute(messages: Message[], honoursReversed: boolean): Promise<HostileServer> {
	return await serve((req, res) => {
		const url = new URL(req.url ?? '/', 'http://x');
		const query = url.searchParams;
		const limit = Number(query.get('limit') ?? 100);
		const oldestFirst = honoursReversed && query.get('reversed') === 'true';
		const ordered = [...messages].sort(newer);
		if (oldestFirst) ordered.reverse();
		const time = query.has('timestamp') ? Number(query.get('timestamp')) : undefined;
		const id = query.get('msgid') ?? undefined;
		const inclusive = query.get('include_start') === 'true';
		const after = (message: Message) => {
			if (time === undefined) return true;
			const order = oldestFirst ? message.time - time : time - message.time;
			if (order !== 0) return order > 0;
			if (id === undefined) return inclusive;
			return oldestFirst ? message.id > id : message.id < id;
		};
		const page = ordered.filter(after).slice(0, limit);
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify(url.pathname === '/1.2/rtm/messages' ? page.map((message) => ({ 'msg-id': message.id, timestamp: message.time, 'conv-id': oid('c'), from: 'alice', data: 'hi' })) : { results: [] }));
	});
}

const T = Date.now() - 600_000;
const standingAt = (position: number): IDataObject => ({ 'node:LeanCloud IM Trigger': { cursor: { key: 'message:app', position, seen: [] } } });
const positionOf = (staticData: IDataObject) => (staticData['node:LeanCloud IM Trigger'] as { cursor: { position: number } }).cursor.position;
const idsOf = (result: Awaited<ReturnType<typeof runPoll>>) => (result?.[0] ?? []).map((item) => String(item.json.messageId));
/** `count` messages after T, 10 ms apart, IDs sortable in time order; and some before it that must never be reported. */
const messagesAfterT = (count: number): Message[] => [
	...Array.from({ length: 50 }, (_, index) => ({ id: `old${String(index).padStart(5, '0')}`, time: T - 60_000 + index })),
	...Array.from({ length: count }, (_, index) => ({ id: `m${String(index).padStart(5, '0')}`, time: T + 10 * (index + 1) })),
];
const expectedIds = (count: number) => Array.from({ length: count }, (_, index) => `m${String(index).padStart(5, '0')}`);
const poll = async (server: HostileServer, staticData: IDataObject, options: INodeParameters = {}) =>
	await runPoll({ credentials: at(server), parameters: { event: 'newMessage', scope: 'app', simplify: true, options }, staticData });

describe('a history route that answers newest first although asked oldest first', () => {
	test('1,580 new messages: all reported once, oldest first, and the next poll reports nothing again', async () => {
		const messages = messagesAfterT(1_580);
		const server = await historyRoute(messages, false);
		const staticData = standingAt(T);
		const warnings = captureWarnings();
		try {
			expect(idsOf(await poll(server, staticData))).toEqual(expectedIds(1_580));
		} finally {
			warnings.stop();
		}
		expect(warnings.messages).toEqual(['LeanCloud IM Trigger "LeanCloud IM Trigger": the history route answered newest first although asked for oldest first, so this poll read it from the newest message back']);
		// Asked oldest first once; then read from the newest back: two pages of 1,000 reach the start.
		const queries = server.requests.map((request) => new URL(request.url, 'http://x').search);
		expect(queries[0]).toBe(`?reversed=true&timestamp=${T - 5_000}&include_start=true&limit=1000`);
		expect(queries.slice(1)).toEqual(['?limit=1000', `?timestamp=${T + 10 * 581}&msgid=m00580&limit=1000`]);
		expect(positionOf(staticData)).toBe(T + 15_800);

		expect(await poll(server, staticData)).toBeNull();
		messages.push({ id: 'later', time: T + 20_000 });
		expect(idsOf(await poll(server, staticData))).toEqual(['later']);
	});

	test('a backlog past Max Items per Poll is reported a cap at a time, in time order, each message once', async () => {
		const server = await historyRoute(messagesAfterT(2_500), false);
		const staticData = standingAt(T);
		const reported: string[] = [];
		for (let pollNumber = 0; pollNumber < 3; pollNumber++) reported.push(...idsOf(await poll(server, staticData, { maxPerPoll: 1_000 })));
		expect(reported).toEqual(expectedIds(2_500));
		expect(await poll(server, staticData, { maxPerPoll: 1_000 })).toBeNull();
	});

	test(`a route that never reaches the start walking back fails loudly after ${MAX_WALK_BACK_PAGES} pages, and the position stays`, async () => {
		// Asked oldest first: one old record (so newest first). Walking back: full pages of new records, forever.
		let served = 0;
		const server = await serve((req, res) => {
			const query = new URL(req.url ?? '/', 'http://x').searchParams;
			const rows =
				query.get('reversed') === 'true'
					? [{ 'msg-id': 'old', timestamp: T - 60_000 }]
					: Array.from({ length: 1_000 }, () => {
							served += 1;
							return { 'msg-id': `n${served}`, timestamp: T + 1e9 - served, 'conv-id': oid('c'), from: 'alice', data: 'hi' };
						});
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(rows));
		});
		const staticData = standingAt(T);
		await expect(poll(server, staticData)).rejects.toThrow(
			`LeanCloud: The history route answered newest first although asked for oldest first (reversed=true), and ${MAX_WALK_BACK_PAGES} pages back it had not reached the trigger's last position`,
		);
		expect(positionOf(staticData)).toBe(T);
		expect(server.requests).toHaveLength(1 + MAX_WALK_BACK_PAGES);
	}, 60_000);
});

describe('a trigger that falls behind says so', () => {
	test('a poll stopped by Max Items per Poll logs how far behind it is; the next goes on from there', async () => {
		const server = await historyRoute(messagesAfterT(250), true);
		const staticData = standingAt(T);
		const warnings = captureWarnings();
		let first: string[];
		try {
			first = idsOf(await poll(server, staticData, { maxPerPoll: 100 }));
		} finally {
			warnings.stop();
		}
		// The overlap window before the position is read again: the cap counts those records too.
		expect(first.length).toBeGreaterThan(0);
		expect(warnings.messages).toHaveLength(1);
		expect(warnings.messages[0]).toMatch(
			/^LeanCloud IM Trigger "LeanCloud IM Trigger" is falling behind: this poll read its maximum \(Options > Max Items per Poll, 100\) and the last record it read is \d+ s old\. The next poll goes on from there; if this repeats, raise Max Items per Poll or poll more often\.$/,
		);
		const lagSeconds = Number(/is (\d+) s old/.exec(warnings.messages[0])?.[1]);
		expect(lagSeconds).toBeGreaterThanOrEqual(590);
		const rest: string[] = [];
		for (let pollNumber = 0; pollNumber < 3; pollNumber++) rest.push(...idsOf(await poll(server, staticData, { maxPerPoll: 100 })));
		expect([...first, ...rest]).toEqual(expectedIds(250));
	});
});
