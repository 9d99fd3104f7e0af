import { api, byId, expectAllRequestsMade, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { testEndpointCases } from './endpointCases';
import { CONV } from './fixtures';
import { pushNotificationCases } from './pushNotification.cases';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

testEndpointCases(pushNotificationCases);

test('Turn Off takes client IDs separated by commas and new lines, trimmed and de-duplicated', async () => {
	api().post(`/1.2/rtm/conversations/${CONV}/mutes`, { client_ids: ['alice', 'bob'] }).reply(200, { objectId: CONV });
	const { error } = await runNode({ parameters: { resource: 'pushNotification', operation: 'disable', conversationId: byId(CONV), clientIds: ' alice,\nbob , alice' } });
	expect(error).toBeUndefined();
});

test('Get Many gives one item per client with push off, cut to Limit', async () => {
	api().get(`/1.2/rtm/conversations/${CONV}/mutes`).reply(200, { result: ['alice', 'bob', 'carol'] });
	const { output } = await runNode({ parameters: { resource: 'pushNotification', operation: 'getAll', conversationId: byId(CONV), limit: 2 } });
	expect(output.map((item) => item.json)).toEqual([{ clientId: 'alice' }, { clientId: 'bob' }]);
});
