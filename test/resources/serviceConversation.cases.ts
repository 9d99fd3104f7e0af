/** serviceConversation: one case per documented endpoint (method, path, key), with the exact request and output. */
import { on, SVC, svc, updated, type EndpointCase } from './fixtures';

export const serviceConversationCases: EndpointCase[] = [
	{
		endpoint: 'POST /service-conversations',
		parameters: on('serviceConversation', 'create', { name: 'ACME News' }),
		request: { path: '/service-conversations', body: { name: 'ACME News' } },
		reply: { objectId: SVC, createdAt: '2026-11-25T12:00:00.000Z' },
		output: [{ objectId: SVC, createdAt: '2026-11-25T12:00:00.000Z' }],
	},
	{
		endpoint: 'GET /service-conversations',
		parameters: on('serviceConversation', 'get', svc),
		request: { path: '/service-conversations', query: { where: `{"objectId":"${SVC}"}`, limit: '1' } },
		reply: { results: [{ objectId: SVC, sys: true }] },
		output: [{ objectId: SVC, sys: true }],
	},
	{
		endpoint: 'PUT /service-conversations/{conv_id}',
		parameters: on('serviceConversation', 'update', { ...svc, updateFields: { name: 'ACME' } }),
		request: { path: `/service-conversations/${SVC}`, body: { name: 'ACME' } },
		reply: { ...updated, objectId: SVC },
		output: [{ ...updated, objectId: SVC }],
	},
	{
		endpoint: 'DELETE /service-conversations/{conv_id}',
		parameters: on('serviceConversation', 'delete', svc),
		request: { path: `/service-conversations/${SVC}` },
		output: [{ deleted: true }],
	},
];
