import { api, byId, expectAllRequestsMade, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { testEndpointCases } from './endpointCases';
import { memberCases } from './member.cases';

const member = (operation: string, fields: object = {}) => ({ resource: 'member', operation, conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), ...fields });
const updated = { objectId: 'c1c1c1c1c1c1c1c1c1c1c1c1', updatedAt: '2026-11-25T12:00:00.000Z' };

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

testEndpointCases(memberCases);

// The endpoints themselves are in member.cases.ts; these are the behaviours beyond one request each.
test('client IDs separated by commas and new lines are trimmed, in a DELETE body', async () => {
	api().delete('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/members', { client_ids: ['alice', 'bob'] }).reply(200, updated);
	const { output } = await runNode({ parameters: member('remove', { clientIds: ' alice ,\n bob ' }) });
	expect(output).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
});

test('Get Many outputs one item per member, cut to Limit', async () => {
	api().get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/members').reply(200, { result: ['alice', 'bob', 'carol'] });
	const { output } = await runNode({ parameters: member('getAll', { limit: 2 }) });
	expect(output).toEqual([
		{ json: { clientId: 'alice' }, pairedItem: { item: 0 } },
		{ json: { clientId: 'bob' }, pairedItem: { item: 0 } },
	]);
});
