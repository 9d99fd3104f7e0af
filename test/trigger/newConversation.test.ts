/** LeanCloud IM Trigger > New Conversation, polled through n8n-core's PollContext. */
import type { IDataObject } from 'n8n-workflow';

import { api, expectAllRequestsMade, oid, resetNock } from '../harness/leancloud';
import { runPoll } from '../../harness/runNode';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

const T0 = Date.parse('2026-11-25T10:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const row = (label: string, ms: number, extra: IDataObject = {}) => ({ objectId: oid(label), name: label, createdAt: iso(ms), updatedAt: iso(ms), ...extra });
const where = (ms: number) => JSON.stringify({ createdAt: { $gte: { __type: 'Date', iso: iso(ms) } } });
const KEY = 'conversation:chatRoom,conversation,serviceConversation';
const after = (position: number, seen: Array<[string, number]> = [], key = KEY): IDataObject => ({
	'node:LeanCloud IM Trigger': { cursor: { key, position, seen } },
});
const cursorOf = (staticData: IDataObject) => (staticData['node:LeanCloud IM Trigger'] as IDataObject).cursor as IDataObject;
const json = (result: Awaited<ReturnType<typeof runPoll>>) => (result?.[0] ?? []).map((item) => item.json);
const event = { event: 'newConversation' };

function kinds(since: number, replies: { conversations?: unknown[]; chatrooms?: unknown[]; service?: unknown[] }, order = 'createdAt') {
	const scope = api();
	for (const [path, results] of [
		['chatrooms', replies.chatrooms ?? []],
		['conversations', replies.conversations ?? []],
		['service-conversations', replies.service ?? []],
	] as const) {
		scope.get(`/1.2/rtm/${path}`).query({ where: where(since), order, limit: '100' }).reply(200, { results });
	}
}

test('the first poll starts from now and sends nothing', async () => {
	const staticData: IDataObject = {};
	expect(await runPoll({ parameters: event, staticData })).toBeNull();
	expect(cursorOf(staticData).key).toBe(KEY);
});

test('every kind created since the cursor, oldest first, each with its Conversation Type; each reported once', async () => {
	const staticData = after(T0);
	kinds(T0 - 5000, {
		conversations: [row('c2', T0 + 20)],
		chatrooms: [row('r1', T0 + 10, { tr: true })],
		service: [row('s3', T0 + 30, { sys: true })],
	});
	const first = await runPoll({ parameters: event, staticData });
	expect(json(first)).toEqual([
		{ ...row('r1', T0 + 10, { tr: true }), conversationType: 'chatRoom' },
		{ ...row('c2', T0 + 20), conversationType: 'conversation' },
		{ ...row('s3', T0 + 30, { sys: true }), conversationType: 'serviceConversation' },
	]);
	expect(cursorOf(staticData).position).toBe(T0 + 30);

	// The overlap reads c2 and s3 again, and c4 created in s3's millisecond: only c4 is new.
	kinds(T0 + 30 - 5000, { conversations: [row('c2', T0 + 20), row('c4', T0 + 30)], service: [row('s3', T0 + 30, { sys: true })] });
	expect(json(await runPoll({ parameters: event, staticData })).map((item) => item.name)).toEqual(['c4']);
});

test('only the chosen types are queried', async () => {
	const staticData = after(T0, [], 'conversation:chatRoom');
	api()
		.get('/1.2/rtm/chatrooms')
		.query({ where: where(T0 - 5000), order: 'createdAt', limit: '100' })
		.reply(200, { results: [row('r1', T0 + 1, { tr: true })] });
	expect(json(await runPoll({ parameters: { ...event, conversationTypes: ['chatRoom'] }, staticData })).map((item) => item.name)).toEqual(['r1']);
});

test('past the cap the oldest are reported and the rest come next poll', async () => {
	const staticData = after(T0, [], 'conversation:conversation');
	const parameters = { ...event, conversationTypes: ['conversation'], options: { maxPerPoll: 2 } };
	const all = [row('a', T0 + 1), row('b', T0 + 2), row('c', T0 + 3)];
	api().get('/1.2/rtm/conversations').query({ where: where(T0 - 5000), order: 'createdAt', limit: '100' }).reply(200, { results: all });
	expect(json(await runPoll({ parameters, staticData })).map((item) => item.name)).toEqual(['a', 'b']);
	expect(cursorOf(staticData).resume).toEqual({ time: T0 + 2, id: oid('b') });

	api().get('/1.2/rtm/conversations').query({ where: where(T0 + 2), order: 'createdAt', limit: '100' }).reply(200, { results: all.slice(1) });
	expect(json(await runPoll({ parameters, staticData })).map((item) => item.name)).toEqual(['c']);
});

test('manual mode returns the most recently created conversation', async () => {
	api()
		.get('/1.2/rtm/conversations')
		.query({ where: where(0), order: '-createdAt', limit: '10' })
		.reply(200, { results: [row('new', T0 + 9), row('old', T0 + 1)] });
	const result = await runPoll({ parameters: { ...event, conversationTypes: ['conversation'] }, staticData: {}, mode: 'manual' });
	expect(json(result)).toEqual([{ ...row('new', T0 + 9), conversationType: 'conversation' }]);
});
