/** mute: one case per documented endpoint (method, path, key), with the exact request and output. */
import { CONV, inConv, inRoom, on, ROOM, type EndpointCase } from './fixtures';

export const muteCases: EndpointCase[] = [
	{
		endpoint: 'POST /conversations/{conv_id}/temporary-silenceds',
		parameters: on('mute', 'add', { ...inConv, clientId: 'troll', ttl: 60 }),
		request: { path: `/conversations/${CONV}/temporary-silenceds`, body: { client_id: 'troll', ttl: 60 } },
		output: [{ conversationId: CONV, clientId: 'troll', muted: true, muteType: 'temporary', ttl: 60 }],
	},
	{
		endpoint: 'DELETE /conversations/{conv_id}/temporary-silenceds',
		parameters: on('mute', 'remove', { ...inConv, clientId: 'troll' }),
		request: { path: `/conversations/${CONV}/temporary-silenceds`, query: { client_id: 'troll' } },
		output: [{ conversationId: CONV, clientId: 'troll', muted: false, muteType: 'temporary' }],
	},
	{
		endpoint: 'POST /conversations/{conv_id}/permanent-silenceds',
		parameters: on('mute', 'add', { ...inConv, clientIds: 'troll, spam', muteType: 'permanent' }),
		request: { path: `/conversations/${CONV}/permanent-silenceds`, body: { client_ids: ['troll', 'spam'] } },
		output: [
			{ conversationId: CONV, clientId: 'troll', muted: true, muteType: 'permanent' },
			{ conversationId: CONV, clientId: 'spam', muted: true, muteType: 'permanent' },
		],
	},
	{
		endpoint: 'DELETE /conversations/{conv_id}/permanent-silenceds',
		parameters: on('mute', 'remove', { ...inConv, clientIds: 'troll, spam', muteType: 'permanent' }),
		request: { path: `/conversations/${CONV}/permanent-silenceds`, body: { client_ids: ['troll', 'spam'] } },
		output: [
			{ conversationId: CONV, clientId: 'troll', muted: false, muteType: 'permanent' },
			{ conversationId: CONV, clientId: 'spam', muted: false, muteType: 'permanent' },
		],
	},
	{
		endpoint: 'GET /conversations/{conv_id}/permanent-silenceds',
		parameters: on('mute', 'getAll', { ...inConv, limit: 5 }),
		request: { path: `/conversations/${CONV}/permanent-silenceds`, query: { limit: '5' } },
		reply: { client_ids: ['troll'] },
		output: [{ clientId: 'troll' }],
	},
	{
		endpoint: 'POST /chatrooms/{chatroom_id}/temporary-silenceds',
		parameters: on('mute', 'add', { ...inRoom, clientId: 'troll', ttl: 86400 }),
		request: { path: `/chatrooms/${ROOM}/temporary-silenceds`, body: { client_id: 'troll', ttl: 86400 } },
		output: [{ conversationId: ROOM, clientId: 'troll', muted: true, muteType: 'temporary', ttl: 86400 }],
	},
	{
		endpoint: 'DELETE /chatrooms/{chatroom_id}/temporary-silenceds',
		parameters: on('mute', 'remove', { ...inRoom, clientId: 'troll' }),
		request: { path: `/chatrooms/${ROOM}/temporary-silenceds`, query: { client_id: 'troll' } },
		output: [{ conversationId: ROOM, clientId: 'troll', muted: false, muteType: 'temporary' }],
	},
	{
		endpoint: 'POST /chatrooms/{chatroom_id}/permanent-silenceds',
		parameters: on('mute', 'add', { ...inRoom, clientIds: 'troll', muteType: 'permanent' }),
		request: { path: `/chatrooms/${ROOM}/permanent-silenceds`, body: { client_ids: ['troll'] } },
		output: [{ conversationId: ROOM, clientId: 'troll', muted: true, muteType: 'permanent' }],
	},
	{
		endpoint: 'DELETE /chatrooms/{chatroom_id}/permanent-silenceds',
		parameters: on('mute', 'remove', { ...inRoom, clientIds: 'troll', muteType: 'permanent' }),
		request: { path: `/chatrooms/${ROOM}/permanent-silenceds`, body: { client_ids: ['troll'] } },
		output: [{ conversationId: ROOM, clientId: 'troll', muted: false, muteType: 'permanent' }],
	},
	{
		endpoint: 'GET /chatrooms/{chatroom_id}/permanent-silenceds',
		parameters: on('mute', 'getAll', { ...inRoom, returnAll: true }),
		request: { path: `/chatrooms/${ROOM}/permanent-silenceds`, query: { limit: '50' } },
		reply: { client_ids: ['troll'] },
		output: [{ clientId: 'troll' }],
	},
];
