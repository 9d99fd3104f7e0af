/** message: one case per documented endpoint (method, path, key), with the exact request and output. */
import { CONV, inConv, inRoom, inSvc, on, record, ref, ROOM, sent, simplified, SVC, TS, type EndpointCase } from './fixtures';

export const messageCases: EndpointCase[] = [
	{
		endpoint: 'POST /conversations/{conv_id}/messages',
		parameters: on('message', 'send', { ...inConv, fromClient: 'bot', text: 'Hi', options: { pushData: '{"alert":"Hi"}', mentionAll: true } }),
		request: { path: `/conversations/${CONV}/messages`, body: { from_client: 'bot', message: 'Hi', push_data: { alert: 'Hi' }, mention_all: true } },
		reply: sent,
		output: [{ conversationId: CONV, messageId: 'm2', timestamp: TS + 1, fromClient: 'bot' }],
	},
	{
		endpoint: 'GET /conversations/{conv_id}/messages',
		parameters: on('message', 'getAll', { ...inConv, limit: 1 }),
		request: { path: `/conversations/${CONV}/messages`, query: { limit: '1' } },
		reply: [record],
		output: [simplified],
	},
	{
		endpoint: 'PUT /conversations/{conv_id}/messages/{message_id}',
		parameters: on('message', 'update', { ...inConv, ...ref, text: 'Edited' }),
		request: { path: `/conversations/${CONV}/messages/m1`, body: { from_client: 'alice', message: 'Edited', timestamp: TS } },
		output: [{ conversationId: CONV, ...ref, updated: true }],
	},
	{
		endpoint: 'PUT /conversations/{conv_id}/messages/{message_id}/recall',
		parameters: on('message', 'recall', { ...inConv, ...ref }),
		request: { path: `/conversations/${CONV}/messages/m1/recall`, body: { from_client: 'alice', timestamp: TS } },
		output: [{ conversationId: CONV, ...ref, recalled: true }],
	},
	{
		endpoint: 'DELETE /conversations/{conv_id}/messages/{message_id}',
		parameters: on('message', 'delete', { ...inConv, ...ref }),
		request: { path: `/conversations/${CONV}/messages/m1`, query: { from_client: 'alice', timestamp: String(TS) } },
		output: [{ deleted: true }],
	},
	{
		endpoint: 'POST /chatrooms/{chatroom_id}/messages',
		parameters: on('message', 'send', {
			...inRoom,
			fromClient: 'host',
			text: 'Welcome',
			// No Sync and Push Data are not chat room fields: a leftover value is not sent.
			options: { priority: 'high', mentionClientIds: 'alice', noSync: true, pushData: '{"alert":"x"}' },
		}),
		request: { path: `/chatrooms/${ROOM}/messages`, body: { from_client: 'host', message: 'Welcome', priority: 'high', mention_client_ids: ['alice'] } },
		reply: sent,
		output: [{ conversationId: ROOM, messageId: 'm2', timestamp: TS + 1, fromClient: 'host' }],
	},
	{
		endpoint: 'GET /chatrooms/{chatroom_id}/messages',
		parameters: on('message', 'getAll', { ...inRoom, limit: 1, simplify: false, options: { order: 'oldestFirst' } }),
		request: { path: `/chatrooms/${ROOM}/messages`, query: { reversed: 'true', limit: '1' } },
		reply: [record],
		output: [record],
	},
	{
		endpoint: 'PUT /chatrooms/{chatroom_id}/messages/{message_id}',
		parameters: on('message', 'update', { ...inRoom, ...ref, text: 'Edited' }),
		request: { path: `/chatrooms/${ROOM}/messages/m1`, body: { from_client: 'alice', message: 'Edited', timestamp: TS } },
		output: [{ conversationId: ROOM, ...ref, updated: true }],
	},
	{
		endpoint: 'PUT /chatrooms/{chatroom_id}/messages/{message_id}/recall',
		parameters: on('message', 'recall', { ...inRoom, ...ref }),
		request: { path: `/chatrooms/${ROOM}/messages/m1/recall`, body: { from_client: 'alice', timestamp: TS } },
		output: [{ conversationId: ROOM, ...ref, recalled: true }],
	},
	{
		endpoint: 'DELETE /chatrooms/{chatroom_id}/messages/{message_id}',
		parameters: on('message', 'delete', { ...inRoom, ...ref }),
		request: { path: `/chatrooms/${ROOM}/messages/m1`, query: { from_client: 'alice', timestamp: String(TS) } },
		output: [{ deleted: true }],
	},
	{
		endpoint: 'PUT /service-conversations/{conv_id}/messages/{message_id}',
		title: 'per-user message',
		parameters: on('message', 'update', { ...inSvc, ...ref, toClients: 'bob', text: 'Edited' }),
		request: { path: `/service-conversations/${SVC}/messages/m1`, body: { from_client: 'alice', message: 'Edited', timestamp: TS, to_clients: ['bob'] } },
		output: [{ conversationId: SVC, ...ref, updated: true }],
	},
	{
		endpoint: 'PUT /service-conversations/{conv_id}/messages/{message_id}/recall',
		title: 'per-user message',
		parameters: on('message', 'recall', { ...inSvc, ...ref, toClients: 'bob, carol' }),
		request: { path: `/service-conversations/${SVC}/messages/m1/recall`, body: { from_client: 'alice', timestamp: TS, to_clients: ['bob', 'carol'] } },
		output: [{ conversationId: SVC, ...ref, recalled: true }],
	},
	{
		endpoint: 'POST /service-conversations/{conv_id}/messages',
		parameters: on('message', 'send', { ...inSvc, fromClient: 'acme', toClients: 'bob, carol', text: 'Your order shipped', options: { noSync: true, mentionAll: true } }),
		request: { path: `/service-conversations/${SVC}/messages`, body: { from_client: 'acme', to_clients: ['bob', 'carol'], message: 'Your order shipped', no_sync: true } },
		reply: sent,
		output: [{ conversationId: SVC, messageId: 'm2', timestamp: TS + 1, fromClient: 'acme', toClients: ['bob', 'carol'] }],
	},
	{
		endpoint: 'DELETE /service-conversations/{conv_id}/subscribers/{client_id}/messages/{message_id}',
		parameters: on('message', 'delete', { ...inSvc, subscriberId: 'bob', ...ref }),
		request: { path: `/service-conversations/${SVC}/subscribers/bob/messages/m1`, query: { from_client: 'alice', timestamp: String(TS) } },
		output: [{ deleted: true }],
	},
	{
		endpoint: 'GET /service-conversations/{conv_id}/subscribers/{client_id}/messages',
		parameters: on('message', 'getAll', { ...inSvc, subscriberId: 'bob', limit: 1 }),
		request: { path: `/service-conversations/${SVC}/subscribers/bob/messages`, query: { limit: '1' } },
		reply: [record],
		output: [simplified],
	},
];
