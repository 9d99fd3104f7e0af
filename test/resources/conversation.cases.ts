/** conversation: one case per documented endpoint (method, path, key), with the exact request and output. */
import { CONV, inConv, on, updated, type EndpointCase } from './fixtures';

export const conversationCases: EndpointCase[] = [
	{
		endpoint: 'POST /conversations',
		parameters: on('conversation', 'create', { name: 'Support', members: 'alice, bob', unique: true }),
		request: { path: '/conversations', body: { name: 'Support', m: ['alice', 'bob'], unique: true } },
		reply: { objectId: CONV, name: 'Support', m: ['alice', 'bob'], unique: true },
		output: [{ objectId: CONV, name: 'Support', m: ['alice', 'bob'], unique: true }],
	},
	{
		endpoint: 'GET /conversations',
		title: 'Get Many',
		parameters: on('conversation', 'getAll', { limit: 2, where: '{"m": "alice"}' }),
		request: { path: '/conversations', query: { where: '{"m":"alice"}', limit: '2' } },
		reply: { results: [{ objectId: CONV }] },
		output: [{ objectId: CONV }],
	},
	{
		endpoint: 'GET /conversations',
		title: 'Get',
		parameters: on('conversation', 'get', inConv),
		request: { path: '/conversations', query: { where: `{"objectId":"${CONV}"}`, limit: '1' } },
		reply: { results: [{ objectId: CONV, name: 'Support' }] },
		output: [{ objectId: CONV, name: 'Support' }],
	},
	{
		endpoint: 'PUT /conversations/{conv_id}',
		parameters: on('conversation', 'update', { ...inConv, updateFields: { name: 'Closed' } }),
		request: { path: `/conversations/${CONV}`, body: { name: 'Closed' } },
		reply: updated,
		output: [updated],
	},
	{
		endpoint: 'DELETE /conversations/{conv_id}',
		parameters: on('conversation', 'delete', inConv),
		request: { path: `/conversations/${CONV}` },
		output: [{ deleted: true }],
	},
];
