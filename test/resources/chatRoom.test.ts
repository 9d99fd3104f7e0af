import { api, byId, expectAllRequestsMade, recordUnmatched, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { testEndpointCases } from './endpointCases';
import { chatRoomCases } from './chatRoom.cases';
import { ROOM } from './fixtures';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

testEndpointCases(chatRoomCases);

test('Get on a chat room that does not exist names it as a chat room, with no HTTP status (LeanCloud answers 200)', async () => {
	api()
		.get('/1.2/rtm/chatrooms')
		.query({ where: JSON.stringify({ objectId: ROOM }), limit: '1' })
		.reply(200, { results: [] });
	const { error } = await runNode({ parameters: { resource: 'chatRoom', operation: 'get', conversationId: byId(ROOM) } });
	expect(error?.message).toBe(`LeanCloud: No chat room with ID "${ROOM}" exists`);
	expect(error?.httpCode).toBeFalsy();
});

test('a chat room ID of the wrong shape (from an expression) is refused as a chat room\'s, before sending', async () => {
	const unmatched = recordUnmatched();
	const { error } = await runNode({ parameters: { resource: 'chatRoom', operation: 'delete', conversationId: byId('={{ "lobby" }}') } });
	unmatched.stop();
	expect(error?.message).toBe('"Chat Room" "lobby" is not a LeanCloud ID [item 0]');
	expect(unmatched.requests).toEqual([]);
});
