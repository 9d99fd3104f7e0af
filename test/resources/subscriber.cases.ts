/** subscriber: one case per documented endpoint (method, path, key), with the exact request and output. */
import { on, SVC, svc, TS, type EndpointCase } from './fixtures';

export const subscriberCases: EndpointCase[] = [
	{
		endpoint: 'POST /service-conversations/{conv_id}/subscribers',
		parameters: on('subscriber', 'add', { ...svc, clientId: 'alice' }),
		request: { path: `/service-conversations/${SVC}/subscribers`, body: { client_id: 'alice' } },
		output: [{ conversationId: SVC, clientId: 'alice', subscribed: true }],
	},
	{
		endpoint: 'DELETE /service-conversations/{conv_id}/subscribers/{client_id}',
		parameters: on('subscriber', 'remove', { ...svc, clientId: 'alice' }),
		request: { path: `/service-conversations/${SVC}/subscribers/alice` },
		output: [{ conversationId: SVC, clientId: 'alice', subscribed: false }],
	},
	{
		endpoint: 'GET /service-conversations/{conv_id}/subscribers',
		parameters: on('subscriber', 'getAll', { ...svc, limit: 1 }),
		request: { path: `/service-conversations/${SVC}/subscribers`, query: { limit: '1' } },
		reply: [{ timestamp: TS, subscriber: 'alice', conv_id: SVC }],
		output: [{ conversationId: SVC, clientId: 'alice', subscribedAt: TS }],
	},
	{
		endpoint: 'GET /service-conversations/{conv_id}/subscribers/count',
		parameters: on('subscriber', 'count', svc),
		request: { path: `/service-conversations/${SVC}/subscribers/count` },
		reply: { count: 42 },
		output: [{ conversationId: SVC, count: 42 }],
	},
];
