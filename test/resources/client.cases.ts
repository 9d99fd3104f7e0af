/** client: one case per documented endpoint (method, path, key), with the exact request and output. */
import { byId, oid } from '../harness/leancloud';
import { CONV, on, record, ROOM, simplified, SVC, TS, type EndpointCase } from './fixtures';

export const clientCases: EndpointCase[] = [
	{
		endpoint: 'POST /clients/check-online',
		parameters: on('client', 'checkOnline', { clientIds: 'alice, bob' }),
		request: { path: '/clients/check-online', body: { client_ids: ['alice', 'bob'] } },
		reply: { results: ['bob'] },
		output: [
			{ clientId: 'alice', online: false },
			{ clientId: 'bob', online: true },
		],
	},
	{
		endpoint: 'GET /clients/{client_id}/unread-count',
		key: 'app',
		parameters: on('client', 'getUnreadCount', { clientId: 'alice', unreadIn: CONV }),
		request: { path: '/clients/alice/unread-count', query: { conv_id: CONV } },
		reply: { count: 7 },
		output: [{ clientId: 'alice', conversationId: CONV, unreadCount: 7 }],
	},
	{
		endpoint: 'POST /clients/{client_id}/kick',
		parameters: on('client', 'kick', { clientId: 'troll', reason: 'Spam' }),
		request: { path: '/clients/troll/kick', body: { reason: 'Spam' } },
		output: [{ clientId: 'troll', kicked: true }],
	},
	{
		endpoint: 'GET /clients/{client_id}/service-conversations',
		parameters: on('client', 'getSubscriptions', { clientId: 'alice', limit: 1, order: 'newestFirst' }),
		request: { path: '/clients/alice/service-conversations', query: { direction: 'old', limit: '1' } },
		reply: [{ timestamp: TS, subscriber: 'alice', conv_id: SVC }],
		output: [{ conversationId: SVC, clientId: 'alice', subscribedAt: TS }],
	},
	{
		endpoint: 'GET /clients/{client_id}/messages',
		parameters: on('client', 'getSentMessages', { clientId: 'alice', limit: 1 }),
		request: { path: '/clients/alice/messages', query: { limit: '1' } },
		reply: [record],
		output: [simplified],
	},
	{
		endpoint: 'POST /clients/{client_id}/blacklists',
		parameters: on('client', 'block', { clientId: 'alice', conversationId: byId(ROOM) }),
		request: { path: '/clients/alice/blacklists', body: { conv_id: ROOM } },
		output: [{ clientId: 'alice', conversationId: ROOM, blocked: true }],
	},
	{
		endpoint: 'DELETE /clients/{client_id}/blacklists',
		parameters: on('client', 'unblock', { clientId: 'alice', conversationId: byId(ROOM) }),
		request: { path: '/clients/alice/blacklists', body: { conv_id: ROOM } },
		output: [{ clientId: 'alice', conversationId: ROOM, blocked: false }],
	},
	{
		endpoint: 'GET /clients/{client_id}/blacklists',
		parameters: on('client', 'getBlocked', { clientId: 'alice', limit: 2 }),
		request: { path: '/clients/alice/blacklists', query: { limit: '2' } },
		reply: { conv_ids: [ROOM] },
		output: [{ clientId: 'alice', conversationId: ROOM }],
	},
	{
		endpoint: 'GET /clients/sign',
		key: 'app',
		parameters: on('client', 'getSignature', { sessionToken: 'r:session-token-of-alice' }),
		request: { path: '/clients/sign', query: { session_token: 'r:session-token-of-alice' } },
		reply: { signature: 'abc', nonce: 'n', client_id: oid('user'), timestamp: TS },
		output: [{ clientId: oid('user'), signature: 'abc', nonce: 'n', timestamp: TS }],
	},
];
