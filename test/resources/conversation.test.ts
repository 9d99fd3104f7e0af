import { api, byId, expectAllRequestsMade, oid, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { testEndpointCases } from './endpointCases';
import { conversationCases } from './conversation.cases';

const conversation = (operation: string, fields: object = {}) => ({ resource: 'conversation', operation, ...fields });

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

testEndpointCases(conversationCases);

describe('Conversation > Create', () => {
	test('sends name, members, unique and attributes to POST /conversations and outputs the created conversation', async () => {
		const created = {
			objectId: '5a5d7432f8de3e0044b1b2c5',
			name: 'Support: ACME',
			m: ['customer-1', 'agent-7'],
			unique: true,
			uniqueId: 'u1',
			createdAt: '2026-11-25T10:00:00.000Z',
			updatedAt: '2026-11-25T10:00:00.000Z',
		};
		api()
			.post('/1.2/rtm/conversations', {
				name: 'Support: ACME',
				m: ['customer-1', 'agent-7'],
				unique: true,
				attr: { ticketId: 'T-42' },
			})
			.reply(200, created);

		const { output, error } = await runNode({
			parameters: conversation('create', {
				name: 'Support: ACME',
				members: 'customer-1, agent-7, customer-1',
				unique: true,
				attributes: '{"ticketId": "T-42"}',
			}),
		});

		expect(error).toBeUndefined();
		expect(output).toEqual([{ json: created, pairedItem: { item: 0 } }]);
	});

	test('sends only the name when nothing else is given', async () => {
		api().post('/1.2/rtm/conversations', { name: 'Lobby' }).reply(200, { objectId: 'c1c1c1c1c1c1c1c1c1c1c1c1', createdAt: '2026-11-25T10:00:00.000Z' });
		const { output } = await runNode({ parameters: conversation('create', { name: 'Lobby' }) });
		expect(output[0].json).toEqual({ objectId: 'c1c1c1c1c1c1c1c1c1c1c1c1', createdAt: '2026-11-25T10:00:00.000Z' });
	});
});

describe('Conversation > Get', () => {
	test('queries by objectId and outputs the one conversation', async () => {
		const found = { objectId: 'c1c1c1c1c1c1c1c1c1c1c1c1', name: 'Lobby', m: ['a'] };
		api()
			.get('/1.2/rtm/conversations')
			.query({ where: '{"objectId":"c1c1c1c1c1c1c1c1c1c1c1c1"}', limit: '1' })
			.reply(200, { results: [found] });
		const { output } = await runNode({ parameters: conversation('get', { conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1') }) });
		expect(output).toEqual([{ json: found, pairedItem: { item: 0 } }]);
	});

	test('reports an empty result as not found, without claiming an HTTP status LeanCloud did not send', async () => {
		api().get('/1.2/rtm/conversations').query({ where: `{"objectId":"${oid('gone')}"}`, limit: '1' }).reply(200, { results: [] });
		const { error } = await runNode({ parameters: conversation('get', { conversationId: byId(oid('gone')) }) });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`LeanCloud: No conversation with ID "${oid('gone')}" exists`);
		expect(error?.httpCode ?? undefined).toBeUndefined();
		expect(error?.description).toContain('Check the ID');
	});
});

describe('Conversation > Get Many', () => {
	const page = (from: number, count: number) =>
		Array.from({ length: count }, (_, index) => ({ objectId: `c${from + index}`, name: `Room ${from + index}` }));

	test('Return All walks skip/limit pages of 100 until a short page', async () => {
		const where = '{"m":"alice"}';
		api()
			.get('/1.2/rtm/conversations')
			.query({ where, limit: '100' })
			.reply(200, { results: page(0, 100) })
			.get('/1.2/rtm/conversations')
			.query({ where, limit: '100', skip: '100' })
			.reply(200, { results: page(100, 100) })
			.get('/1.2/rtm/conversations')
			.query({ where, limit: '100', skip: '200' })
			.reply(200, { results: page(200, 7) });

		const { output } = await runNode({ parameters: conversation('getAll', { returnAll: true, where: '{"m": "alice"}' }) });

		expect(output).toHaveLength(207);
		expect(output[206]).toEqual({ json: { objectId: 'c206', name: 'Room 206' }, pairedItem: { item: 0 } });
		expect(new Set(output.map((item) => item.json.objectId)).size).toBe(207);
	});

	test('Limit asks for no more than needed and stops exactly at the limit', async () => {
		api()
			.get('/1.2/rtm/conversations')
			.query({ limit: '100' })
			.reply(200, { results: page(0, 100) })
			.get('/1.2/rtm/conversations')
			.query({ limit: '30', skip: '100' })
			.reply(200, { results: page(100, 30) });

		const { output } = await runNode({ parameters: conversation('getAll', { returnAll: false, limit: 130 }) });
		expect(output.map((item) => item.json.objectId)).toEqual(page(0, 130).map((entry) => entry.objectId));
	});

	test('the default Limit of 50 is one request', async () => {
		api().get('/1.2/rtm/conversations').query({ limit: '50' }).reply(200, { results: page(0, 50) });
		const { output } = await runNode({ parameters: conversation('getAll', {}) });
		expect(output).toHaveLength(50);
	});
});

describe('Conversation > Update', () => {
	test('sends the changed fields to PUT /conversations/{id}', async () => {
		const response = { objectId: 'c1c1c1c1c1c1c1c1c1c1c1c1', updatedAt: '2026-11-25T11:00:00.000Z' };
		api()
			.put('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1', { topic: 'billing', name: 'Renamed', attr: { status: 'closed' } })
			.reply(200, response);
		const { output } = await runNode({
			parameters: conversation('update', {
				conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'),
				updateFields: { name: 'Renamed', attributes: '{"status": "closed"}', fields: '{"topic": "billing"}' },
			}),
		});
		expect(output).toEqual([{ json: response, pairedItem: { item: 0 } }]);
	});
});

describe('Conversation > Delete', () => {
	test('sends DELETE /conversations/{id} and outputs {"deleted": true}', async () => {
		api().delete('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1').reply(200, {});
		const { output } = await runNode({ parameters: conversation('delete', { conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1') }) });
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});
});
