/** app: one case per documented endpoint (method, path, key), with the exact request and output. */
import { on, record, ROOM, simplified, type EndpointCase } from './fixtures';

export const appCases: EndpointCase[] = [
	{
		endpoint: 'GET /stats',
		parameters: on('app', 'getStats'),
		request: { path: '/stats' },
		reply: { result: { online_user_count: 12, user_count_today: 340 } },
		output: [{ onlineUserCount: 12, userCountToday: 340 }],
	},
	{
		endpoint: 'GET /all-conversations',
		parameters: on('app', 'getAllConversations', { limit: 2, where: '{"tr": true}' }),
		request: { path: '/all-conversations', query: { where: '{"tr":true}', limit: '2' } },
		reply: { results: [{ objectId: ROOM, tr: true }] },
		output: [{ objectId: ROOM, tr: true }],
	},
	{
		endpoint: 'GET /messages',
		parameters: on('app', 'getAllMessages', { limit: 1, options: { before: '2026-11-25T00:00:00.000Z' } }),
		request: { path: '/messages', query: { timestamp: String(Date.parse('2026-11-25T00:00:00.000Z')), limit: '1' } },
		reply: [record],
		output: [simplified],
	},
];
