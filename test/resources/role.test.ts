import { api, byId, expectAllRequestsMade, recordUnmatched, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { testEndpointCases } from './endpointCases';
import { CONV, ROOM } from './fixtures';
import { roleCases } from './role.cases';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

testEndpointCases(roleCases);

test('Get Many pages member-infos by skip', async () => {
	const page = Array.from({ length: 100 }, (_, index) => ({ clientId: `u${index}`, objectId: `${index}`.padStart(24, '0'), role: 'Member' }));
	api()
		.get(`/1.2/rtm/chatrooms/${ROOM}/member-infos`)
		.query({ limit: '100' })
		.reply(200, { results: page })
		.get(`/1.2/rtm/chatrooms/${ROOM}/member-infos`)
		.query({ limit: '100', skip: '100' })
		.reply(200, { results: [] });
	const { output } = await runNode({
		parameters: { resource: 'role', operation: 'getAll', conversationType: 'chatRoom', conversationId: byId(ROOM), returnAll: true },
	});
	expect(output).toHaveLength(100);
});

test('a role LeanCloud does not know is refused before sending', async () => {
	const unmatched = recordUnmatched();
	const { error } = await runNode({ parameters: { resource: 'role', operation: 'add', conversationId: byId(CONV), clientId: 'alice', role: '={{ "Admin" }}' } });
	unmatched.stop();
	expect(error?.message).toBe('"Role" must be one of Manager, Member, Owner, got "Admin" [item 0]');
	expect(unmatched.requests).toEqual([]);
});
