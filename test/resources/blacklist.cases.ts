/** blacklist: one case per documented endpoint (method, path, key), with the exact request and output. */
import { CONV, inConv, inRoom, inSvc, on, ROOM, SVC, type EndpointCase } from './fixtures';

export const blacklistCases: EndpointCase[] = [
	{
		endpoint: 'POST /conversations/{conv_id}/blacklists',
		parameters: on('blacklist', 'add', { ...inConv, clientIds: 'troll, spam' }),
		request: { path: `/conversations/${CONV}/blacklists`, body: { client_ids: ['troll', 'spam'] } },
		output: [{ conversationId: CONV, clientIds: ['troll', 'spam'], blacklisted: true }],
	},
	{
		endpoint: 'DELETE /conversations/{conv_id}/blacklists',
		parameters: on('blacklist', 'remove', { ...inConv, clientIds: 'troll' }),
		request: { path: `/conversations/${CONV}/blacklists`, body: { client_ids: ['troll'] } },
		output: [{ conversationId: CONV, clientIds: ['troll'], blacklisted: false }],
	},
	{
		endpoint: 'GET /conversations/{conv_id}/blacklists',
		parameters: on('blacklist', 'getAll', { ...inConv, limit: 5 }),
		request: { path: `/conversations/${CONV}/blacklists`, query: { limit: '5' } },
		reply: { client_ids: ['troll'] },
		output: [{ clientId: 'troll' }],
	},
	{
		endpoint: 'POST /chatrooms/{chatroom_id}/blacklists',
		parameters: on('blacklist', 'add', { ...inRoom, clientIds: 'troll' }),
		request: { path: `/chatrooms/${ROOM}/blacklists`, body: { client_ids: ['troll'] } },
		output: [{ conversationId: ROOM, clientIds: ['troll'], blacklisted: true }],
	},
	{
		endpoint: 'DELETE /chatrooms/{chatroom_id}/blacklists',
		parameters: on('blacklist', 'remove', { ...inRoom, clientIds: 'troll' }),
		request: { path: `/chatrooms/${ROOM}/blacklists`, body: { client_ids: ['troll'] } },
		output: [{ conversationId: ROOM, clientIds: ['troll'], blacklisted: false }],
	},
	{
		endpoint: 'GET /chatrooms/{chatroom_id}/blacklists',
		parameters: on('blacklist', 'getAll', { ...inRoom, limit: 3 }),
		request: { path: `/chatrooms/${ROOM}/blacklists`, query: { limit: '3' } },
		reply: { client_ids: ['troll'] },
		output: [{ clientId: 'troll' }],
	},
	{
		endpoint: 'POST /service-conversations/{conv_id}/blacklists',
		parameters: on('blacklist', 'add', { ...inSvc, clientIds: 'troll' }),
		request: { path: `/service-conversations/${SVC}/blacklists`, body: { client_ids: ['troll'] } },
		output: [{ conversationId: SVC, clientIds: ['troll'], blacklisted: true }],
	},
	{
		endpoint: 'DELETE /service-conversations/{conv_id}/blacklists',
		parameters: on('blacklist', 'remove', { ...inSvc, clientIds: 'troll' }),
		request: { path: `/service-conversations/${SVC}/blacklists`, body: { client_ids: ['troll'] } },
		output: [{ conversationId: SVC, clientIds: ['troll'], blacklisted: false }],
	},
	{
		endpoint: 'GET /service-conversations/{conv_id}/blacklists',
		parameters: on('blacklist', 'getAll', { ...inSvc, returnAll: true }),
		request: { path: `/service-conversations/${SVC}/blacklists`, query: { limit: '50' } },
		reply: { client_ids: ['troll'] },
		output: [{ clientId: 'troll' }],
	},
];
