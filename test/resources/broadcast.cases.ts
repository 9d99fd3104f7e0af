/** broadcast: one case per documented endpoint (method, path, key), with the exact request and output. */
import { on, ref, SVC, svc, TS, type EndpointCase } from './fixtures';

export const broadcastCases: EndpointCase[] = [
	{
		endpoint: 'POST /service-conversations/{conv_id}/broadcasts',
		parameters: on('broadcast', 'send', { ...svc, fromClient: 'acme', text: 'Sale!', options: { push: '{"alert":"Sale!"}' } }),
		request: { path: `/service-conversations/${SVC}/broadcasts`, body: { from_client: 'acme', message: 'Sale!', push: { alert: 'Sale!' } } },
		reply: { result: { 'msg-id': 'sb_1', timestamp: TS } },
		output: [{ conversationId: SVC, messageId: 'sb_1', timestamp: TS, fromClient: 'acme', audience: 'subscribers' }],
	},
	{
		endpoint: 'PUT /service-conversations/{conv_id}/messages/{message_id}',
		title: 'app-wide broadcast',
		parameters: on('broadcast', 'update', { audience: 'everyone', ...svc, ...ref, text: 'Edited' }),
		request: { path: `/service-conversations/${SVC}/messages/m1`, body: { from_client: 'alice', message: 'Edited', timestamp: TS } },
		output: [{ conversationId: SVC, ...ref, updated: true }],
	},
	{
		endpoint: 'PUT /service-conversations/{conv_id}/messages/{message_id}/recall',
		title: 'subscriber broadcast',
		parameters: on('broadcast', 'recall', { ...svc, ...ref }),
		request: { path: `/service-conversations/${SVC}/messages/m1/recall`, body: { from_client: 'alice', timestamp: TS } },
		output: [{ conversationId: SVC, ...ref, recalled: true }],
	},
	{
		endpoint: 'POST /broadcasts',
		parameters: on('broadcast', 'send', { audience: 'everyone', ...svc, fromClient: 'acme', text: 'Maintenance tonight', options: { transient: true } }),
		request: { path: '/broadcasts', body: { from_client: 'acme', conv_id: SVC, message: 'Maintenance tonight', transient: true } },
		reply: { result: { 'msg-id': 'sb_2', timestamp: TS } },
		output: [{ conversationId: SVC, messageId: 'sb_2', timestamp: TS, fromClient: 'acme', audience: 'everyone' }],
	},
	{
		endpoint: 'DELETE /broadcasts/{message_id}',
		parameters: on('broadcast', 'delete', { messageId: 'sb_2' }),
		request: { path: '/broadcasts/sb_2' },
		output: [{ messageId: 'sb_2', deleted: true }],
	},
	{
		endpoint: 'GET /broadcasts',
		parameters: on('broadcast', 'getAll', { ...svc, limit: 10 }),
		request: { path: '/broadcasts', query: { conv_id: SVC, limit: '10' } },
		reply: [{ 'msg-id': 'sb_2', message: 'Maintenance tonight' }],
		output: [{ 'msg-id': 'sb_2', message: 'Maintenance tonight' }],
	},
];
