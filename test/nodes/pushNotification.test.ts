import { api, byId, expectAllRequestsMade, resetNock } from '../harness/leancloud';
import { runNode } from '../harness/runNode';

const push = (operation: string, fields: object = {}) => ({
	resource: 'pushNotification',
	operation,
	conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'),
	...fields,
});
const updated = { objectId: 'c1c1c1c1c1c1c1c1c1c1c1c1', updatedAt: '2026-11-25T12:00:00.000Z' };

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

test('Turn Off sends POST /conversations/{id}/mutes with client_ids', async () => {
	api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/mutes', { client_ids: ['alice'] }).reply(200, updated);
	const { output } = await runNode({ parameters: push('disable', { clientIds: 'alice' }) });
	expect(output).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
});

test('Turn On sends DELETE /conversations/{id}/mutes with a client_ids body', async () => {
	api().delete('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/mutes', { client_ids: ['alice', 'bob'] }).reply(200, updated);
	const { output } = await runNode({ parameters: push('enable', { clientIds: 'alice, bob' }) });
	expect(output).toEqual([{ json: updated, pairedItem: { item: 0 } }]);
});

test('Get Many lists the members with notifications off', async () => {
	api().get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/mutes').reply(200, { result: ['alice'] });
	const { output } = await runNode({ parameters: push('getAll', { returnAll: true }) });
	expect(output).toEqual([{ json: { clientId: 'alice' }, pairedItem: { item: 0 } }]);
});
