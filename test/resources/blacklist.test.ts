import { api, byId, expectAllRequestsMade, recordUnmatched, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { testEndpointCases } from './endpointCases';
import { blacklistCases } from './blacklist.cases';
import { CONV, ROOM } from './fixtures';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

testEndpointCases(blacklistCases);

test('Get Many follows the next cursor until the server gives none', async () => {
	api()
		.get(`/1.2/rtm/chatrooms/${ROOM}/blacklists`)
		.query({ limit: '50' })
		.reply(200, { client_ids: ['troll1', 'troll2'], next: 'page-2' })
		.get(`/1.2/rtm/chatrooms/${ROOM}/blacklists`)
		.query({ limit: '50', next: 'page-2' })
		.reply(200, { client_ids: ['troll3'] });
	const { output } = await runNode({
		parameters: { resource: 'blacklist', operation: 'getAll', conversationType: 'chatRoom', conversationId: byId(ROOM), returnAll: true },
	});
	expect(output.map((item) => item.json.clientId)).toEqual(['troll1', 'troll2', 'troll3']);
});

test('a conversation takes at most 500 blacklisted clients in one request; a chat room 10,000', async () => {
	const many = Array.from({ length: 501 }, (_, index) => `u${index}`).join(',');
	const unmatched = recordUnmatched();
	const { error } = await runNode({ parameters: { resource: 'blacklist', operation: 'add', conversationId: byId(CONV), clientIds: many } });
	expect(error?.message).toBe('"Client IDs" has 501 client IDs; LeanCloud accepts at most 500 [item 0]');
	expect(unmatched.requests).toEqual([]);
	unmatched.stop();
	api().post(`/1.2/rtm/chatrooms/${ROOM}/blacklists`, (body) => body.client_ids.length === 501).reply(200, {});
	const room = await runNode({ parameters: { resource: 'blacklist', operation: 'add', conversationType: 'chatRoom', conversationId: byId(ROOM), clientIds: many } });
	expect(room.error).toBeUndefined();
});
