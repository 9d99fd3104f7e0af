/**
 * LeanCloud IM Trigger > New Message, polled through n8n-core's PollContext as an active workflow polls:
 * cursor continuity, boundary ties, late messages, first activation, manual mode, filters, paging and errors.
 */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { api, byId, expectAllRequestsMade, oid, recordUnmatched, resetNock } from '../harness/leancloud';
import { defaultCredentials, runPoll } from '../../harness/runNode';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

const T0 = 1_764_064_800_000;
const record = (id: string, timestamp: number, from = 'alice', data = `hello ${id}`, conv = oid('conv')): IDataObject => ({
	timestamp,
	'conv-id': conv,
	data,
	from,
	'msg-id': id,
	'is-conv': true,
	'is-room': false,
	to: conv,
	bin: false,
	'from-ip': '127.0.0.1',
});
const simplified = (id: string, timestamp: number, from = 'alice', data = `hello ${id}`, conv = oid('conv')) => ({
	timestamp,
	conversationId: conv,
	content: data,
	fromClient: from,
	messageId: id,
	isConv: true,
	isRoom: false,
	to: conv,
	bin: false,
	fromIp: '127.0.0.1',
});

/** Static data whose cursor already stands at `position` for the whole app (a poll ran before). */
function after(position: number, seen: Array<[string, number]> = [], key = 'message:app'): IDataObject {
	return { 'node:LeanCloud IM Trigger': { cursor: { key, position, seen } } };
}
const cursorOf = (staticData: IDataObject) => (staticData['node:LeanCloud IM Trigger'] as IDataObject).cursor as IDataObject;
const json = (result: Awaited<ReturnType<typeof runPoll>>) => (result?.[0] ?? []).map((item) => item.json);
const app = { event: 'newMessage', scope: 'app' };

describe('first activation', () => {
	test('starts from now: the first poll sends nothing and reports nothing', async () => {
		const staticData: IDataObject = {};
		const before = Date.now();
		expect(await runPoll({ parameters: app, staticData })).toBeNull();
		const cursor = cursorOf(staticData);
		expect(cursor).toMatchObject({ key: 'message:app', seen: [] });
		expect(cursor.position).toBeGreaterThanOrEqual(before);
		expect(cursor.position).toBeLessThanOrEqual(Date.now());
	});

	test('Start From reports what arrived since that time on the first poll, and nothing from before it', async () => {
		api()
			.get('/1.2/rtm/messages')
			.query({ reversed: 'true', timestamp: String(T0 - 5000), include_start: 'true', limit: '1000' })
			// The overlap reads a little before Start From; that message is not reported.
			.reply(200, [record('before', T0 - 1), record('m1', T0), record('m2', T0 + 1)]);
		const staticData: IDataObject = {};
		const result = await runPoll({ parameters: { ...app, options: { startFrom: new Date(T0).toISOString() } }, staticData });
		expect(json(result)).toEqual([simplified('m1', T0), simplified('m2', T0 + 1)]);
		expect(cursorOf(staticData)).toEqual({
			key: 'message:app',
			position: T0 + 1,
			floor: T0,
			seen: [
				['m1', T0],
				['m2', T0 + 1],
			],
		});
	});

	test('after the first poll, messages from just before activation are not reported either', async () => {
		const staticData: IDataObject = {};
		await runPoll({ parameters: app, staticData });
		const activatedAt = cursorOf(staticData).position as number;
		api()
			.get('/1.2/rtm/messages')
			.query({ reversed: 'true', timestamp: String(activatedAt - 5000), include_start: 'true', limit: '1000' })
			.reply(200, [record('old', activatedAt - 2000), record('new', activatedAt + 10)]);
		expect(json(await runPoll({ parameters: app, staticData })).map((item) => item.messageId)).toEqual(['new']);
	});
});

describe('every message once, across polls', () => {
	test('the next poll reads from the cursor (less a short overlap), oldest first, and moves the cursor', async () => {
		api()
			.get('/1.2/rtm/messages')
			.query({ reversed: 'true', timestamp: String(T0 - 5000), include_start: 'true', limit: '1000' })
			.reply(200, [record('m1', T0 + 10), record('m2', T0 + 20, 'bob'), record('m3', T0 + 30)]);
		const staticData = after(T0);
		const result = await runPoll({ parameters: app, staticData });
		expect(json(result)).toEqual([simplified('m1', T0 + 10), simplified('m2', T0 + 20, 'bob'), simplified('m3', T0 + 30)]);
		expect(cursorOf(staticData)).toEqual({
			key: 'message:app',
			position: T0 + 30,
			seen: [
				['m1', T0 + 10],
				['m2', T0 + 20],
				['m3', T0 + 30],
			],
		});
	});

	test('messages sharing the boundary timestamp are neither missed nor repeated, and a late-indexed one is caught', async () => {
		const staticData = after(T0 + 30, [
			['m2', T0 + 20],
			['m3', T0 + 30],
		]);
		api()
			.get('/1.2/rtm/messages')
			.query({ reversed: 'true', timestamp: String(T0 + 30 - 5000), include_start: 'true', limit: '1000' })
			// m2 and m3 again (the overlap), m4 at m3's very millisecond, late-m at an earlier time, m5 new.
			.reply(200, [record('late-m', T0 + 15), record('m2', T0 + 20), record('m3', T0 + 30), record('m4', T0 + 30), record('m5', T0 + 40)]);
		const result = await runPoll({ parameters: app, staticData });
		expect(json(result).map((item) => item.messageId)).toEqual(['late-m', 'm4', 'm5']);
		expect(cursorOf(staticData).position).toBe(T0 + 40);

		// A poll that finds nothing new reports nothing.
		api()
			.get('/1.2/rtm/messages')
			.query({ reversed: 'true', timestamp: String(T0 + 40 - 5000), include_start: 'true', limit: '1000' })
			.reply(200, [record('m4', T0 + 30), record('m5', T0 + 40)]);
		expect(await runPoll({ parameters: app, staticData })).toBeNull();
	});

	test('a poll stops at its cap; the rest comes next poll, exactly after the last one read', async () => {
		const staticData = after(T0);
		const page = (from: number, count: number) => Array.from({ length: count }, (_, index) => record(`p${from + index}`, T0 + 1 + from + index));
		api()
			.get('/1.2/rtm/messages')
			.query({ reversed: 'true', timestamp: String(T0 - 5000), include_start: 'true', limit: '3' })
			.reply(200, page(0, 3));
		const first = await runPoll({ parameters: { ...app, options: { maxPerPoll: 3 } }, staticData });
		expect(json(first).map((item) => item.messageId)).toEqual(['p0', 'p1', 'p2']);
		expect(cursorOf(staticData).resume).toEqual({ time: T0 + 3, id: 'p2' });

		// The cap was reached: the next poll starts right after p2 (its timestamp and ID), with no overlap and no repeats.
		api()
			.get('/1.2/rtm/messages')
			.query({ reversed: 'true', timestamp: String(T0 + 3), msgid: 'p2', limit: '3' })
			.reply(200, page(3, 2));
		const second = await runPoll({ parameters: { ...app, options: { maxPerPoll: 3 } }, staticData });
		expect(json(second).map((item) => item.messageId)).toEqual(['p3', 'p4']);
		expect(cursorOf(staticData).resume).toBeUndefined();
		expect(cursorOf(staticData).position).toBe(T0 + 5);
	});

	test('pages of 1,000 are walked within one poll', async () => {
		const staticData = after(T0);
		const records = Array.from({ length: 1500 }, (_, index) => record(`r${index}`, T0 + 1 + index));
		api()
			.get('/1.2/rtm/messages')
			.query({ reversed: 'true', timestamp: String(T0 - 5000), include_start: 'true', limit: '1000' })
			.reply(200, records.slice(0, 1000))
			.get('/1.2/rtm/messages')
			.query({ reversed: 'true', timestamp: String(T0 + 1000), msgid: 'r999', include_start: 'false', limit: '1000' })
			.reply(200, records.slice(1000));
		const result = await runPoll({ parameters: { ...app, options: { maxPerPoll: 5000 } }, staticData });
		expect(result?.[0]).toHaveLength(1500);
		expect(cursorOf(staticData).position).toBe(T0 + 1500);
	});
});

describe('what is watched', () => {
	test.each([
		[{ scope: 'conversation', conversationId: byId(oid('conv')) }, `/1.2/rtm/conversations/${oid('conv')}/messages`, `message:conversation:${oid('conv')}`],
		[{ scope: 'chatRoom', conversationId: byId(oid('room')) }, `/1.2/rtm/chatrooms/${oid('room')}/messages`, `message:chatRoom:${oid('room')}`],
		[{ scope: 'client', clientId: 'alice' }, '/1.2/rtm/clients/alice/messages', 'message:client:alice'],
	])('%j reads %s', async (scope, path, key) => {
		api()
			.get(path)
			.query({ reversed: 'true', timestamp: String(T0 - 5000), include_start: 'true', limit: '1000' })
			.reply(200, [record('m1', T0 + 1)]);
		const staticData = after(T0, [], key);
		expect(json(await runPoll({ parameters: { event: 'newMessage', ...scope }, staticData })).map((item) => item.messageId)).toEqual(['m1']);
	});

	test('watching another target starts afresh instead of reusing the old cursor', async () => {
		const staticData = after(T0);
		expect(await runPoll({ parameters: { event: 'newMessage', scope: 'client', clientId: 'alice' }, staticData })).toBeNull();
		expect(cursorOf(staticData).key).toBe('message:client:alice');
		expect(cursorOf(staticData).position).toBeGreaterThan(T0);
	});
});

describe('filters for bots and moderation', () => {
	const image = JSON.stringify({ _lctype: -2, _lcfile: { url: 'https://files.example.com/a.png' } });
	const typedText = JSON.stringify({ _lctype: -1, _lctext: 'typed hi' });

	test('Ignore Messages From (the bot\'s own ID), From Client IDs and Message Types; Simplify off gives raw records', async () => {
		api()
			.get('/1.2/rtm/messages')
			.query(true)
			.reply(200, [record('a', T0 + 1, 'support-bot'), record('b', T0 + 2, 'alice', image), record('c', T0 + 3, 'alice', typedText), record('d', T0 + 4, 'carol', image)]);
		const staticData = after(T0);
		const result = await runPoll({
			parameters: { ...app, simplify: false, options: { ignoreFrom: 'support-bot', fromClients: 'alice, bob', messageTypes: ['image'] } },
			staticData,
		});
		expect(json(result)).toEqual([record('b', T0 + 2, 'alice', image)]);
		// Every record read moves the cursor, reported or filtered out.
		expect(cursorOf(staticData).position).toBe(T0 + 4);
	});

	test('Conversation Types looks up the kinds once and remembers them', async () => {
		const room = oid('room');
		const conversation = oid('conv');
		api()
			.get('/1.2/rtm/messages')
			.query(true)
			.reply(200, [record('a', T0 + 1, 'alice', 'x', room), record('b', T0 + 2, 'alice', 'y', conversation)])
			.get('/1.2/rtm/all-conversations')
			.query({ where: JSON.stringify({ objectId: { $in: [room, conversation] } }), limit: '100' })
			.reply(200, { results: [{ objectId: room, tr: true }, { objectId: conversation }] });
		const staticData = after(T0);
		const parameters = { ...app, options: { conversationTypes: ['chatRoom'] } };
		// The kind is known, so the item says it (for Recall, Mute and Send's Conversation Type).
		expect(json(await runPoll({ parameters, staticData }))).toEqual([{ ...simplified('a', T0 + 1, 'alice', 'x', room), conversationType: 'chatRoom' }]);

		// The next poll knows both conversations: no lookup.
		api()
			.get('/1.2/rtm/messages')
			.query(true)
			.reply(200, [record('c', T0 + 3, 'alice', 'z', room), record('d', T0 + 4, 'alice', 'w', conversation)]);
		expect(json(await runPoll({ parameters, staticData })).map((item) => item.messageId)).toEqual(['c']);
	});
});

describe('manual mode ("Fetch Test Event")', () => {
	test('returns the latest matching message even if it is not new, and leaves the cursor alone', async () => {
		api()
			.get('/1.2/rtm/messages')
			.query({ limit: '100' })
			.reply(200, [record('newest', T0 + 9, 'support-bot'), record('older', T0 + 5, 'alice')]);
		const staticData = after(T0 + 100);
		const result = await runPoll({ parameters: { ...app, options: { ignoreFrom: 'support-bot' } }, staticData, mode: 'manual' });
		expect(json(result)).toEqual([simplified('older', T0 + 5)]);
		expect(cursorOf(staticData)).toEqual({ key: 'message:app', position: T0 + 100, seen: [] });
	});

	test('says so when there is nothing to show', async () => {
		api().get('/1.2/rtm/messages').query({ limit: '100' }).reply(200, []);
		await expect(runPoll({ parameters: app, staticData: {}, mode: 'manual' })).rejects.toThrow('No message matches the trigger\'s settings yet');
	});
});

describe('API failures', () => {
	test('are a clear trigger error, and the cursor does not move', async () => {
		api()
			.get('/1.2/rtm/messages')
			.query(true)
			.times(2)
			.reply(401, { code: 401, error: 'Unauthorized.' });
		const staticData = after(T0);
		await expect(runPoll({ parameters: app, staticData })).rejects.toThrow('LeanCloud: Unauthorized. [HTTP 401, code 401]');
		expect(cursorOf(staticData)).toEqual({ key: 'message:app', position: T0, seen: [] });
		nock.cleanAll();
	});

	test('bad settings name the field', async () => {
		await expect(runPoll({ parameters: { event: 'newMessage', scope: 'client', clientId: 'tom,jerry' }, staticData: after(T0) })).rejects.toThrow(
			'"Client ID" takes one client ID, got "tom,jerry"',
		);
	});
});

describe('the credential is checked as the action node checks it', () => {
	test('a credential without a Master Key is named before any request, not answered with a generic 401', async () => {
		const unmatched = recordUnmatched();
		await expect(runPoll({ parameters: { event: 'newMessage', scope: 'app' }, staticData: {}, credentials: { ...defaultCredentials, serverSecret: '' } })).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: 'The credential has no Master Key, which the LeanCloud IM Trigger needs',
			description: 'Add the Master Key to the LeanCloud IM API credential.',
		});
		unmatched.stop();
		expect(unmatched.requests).toEqual([]);
	});
});
