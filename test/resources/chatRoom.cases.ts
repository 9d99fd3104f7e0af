/** chatRoom: one case per documented endpoint (method, path, key), with the exact request and output. */
import { byId } from '../harness/leancloud';
import { on, ROOM, updated, type EndpointCase } from './fixtures';

export const chatRoomCases: EndpointCase[] = [
	{
		endpoint: 'POST /chatrooms',
		parameters: on('chatRoom', 'create', { name: 'Launch', attributes: '{"topic":"launch"}' }),
		request: { path: '/chatrooms', body: { name: 'Launch', attr: { topic: 'launch' } } },
		reply: { objectId: ROOM, createdAt: '2026-11-25T12:00:00.000Z' },
		output: [{ objectId: ROOM, createdAt: '2026-11-25T12:00:00.000Z' }],
	},
	{
		endpoint: 'GET /chatrooms',
		parameters: on('chatRoom', 'getAll', { limit: 1 }),
		request: { path: '/chatrooms', query: { limit: '1' } },
		reply: { results: [{ objectId: ROOM, tr: true }] },
		output: [{ objectId: ROOM, tr: true }],
	},
	{
		endpoint: 'PUT /chatrooms/{chatroom_id}',
		parameters: on('chatRoom', 'update', { conversationId: byId(ROOM), updateFields: { fields: '{"topic":"q&a"}' } }),
		request: { path: `/chatrooms/${ROOM}`, body: { topic: 'q&a' } },
		reply: { ...updated, objectId: ROOM },
		output: [{ ...updated, objectId: ROOM }],
	},
	{
		endpoint: 'DELETE /chatrooms/{chatroom_id}',
		parameters: on('chatRoom', 'delete', { conversationId: byId(ROOM) }),
		request: { path: `/chatrooms/${ROOM}` },
		output: [{ deleted: true }],
	},
	{
		endpoint: 'GET /chatrooms/{chatroom_id}/members',
		parameters: on('chatRoom', 'getOnlineMembers', { conversationId: byId(ROOM) }),
		request: { path: `/chatrooms/${ROOM}/members` },
		reply: { result: ['alice', 'bob'] },
		output: [{ conversationId: ROOM, clientIds: ['alice', 'bob'] }],
	},
	{
		endpoint: 'GET /chatrooms/{chatroom_id}/members/online-count',
		parameters: on('chatRoom', 'getOnlineCount', { conversationId: byId(ROOM) }),
		request: { path: `/chatrooms/${ROOM}/members/online-count` },
		reply: { result: 3 },
		output: [{ conversationId: ROOM, onlineCount: 3 }],
	},
];
