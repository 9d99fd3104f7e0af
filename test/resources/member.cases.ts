/** member: one case per documented endpoint (method, path, key), with the exact request and output. */
import { CONV, inConv, on, updated, type EndpointCase } from './fixtures';

export const memberCases: EndpointCase[] = [
	{
		endpoint: 'POST /conversations/{conv_id}/members',
		parameters: on('member', 'add', { ...inConv, clientIds: 'alice, bob' }),
		request: { path: `/conversations/${CONV}/members`, body: { client_ids: ['alice', 'bob'] } },
		reply: updated,
		output: [updated],
	},
	{
		endpoint: 'DELETE /conversations/{conv_id}/members',
		parameters: on('member', 'remove', { ...inConv, clientIds: 'bob' }),
		request: { path: `/conversations/${CONV}/members`, body: { client_ids: ['bob'] } },
		reply: updated,
		output: [updated],
	},
	{
		endpoint: 'GET /conversations/{conv_id}/members',
		parameters: on('member', 'getAll', { ...inConv, returnAll: true }),
		request: { path: `/conversations/${CONV}/members` },
		reply: { result: ['alice', 'bob'] },
		output: [{ clientId: 'alice' }, { clientId: 'bob' }],
	},
];
