/** role: one case per documented endpoint (method, path, key), with the exact request and output. */
import { oid } from '../harness/leancloud';
import { CONV, inConv, inRoom, on, ROOM, type EndpointCase } from './fixtures';

export const roleCases: EndpointCase[] = [
	{
		endpoint: 'POST /conversations/{conv_id}/member-infos',
		parameters: on('role', 'add', { ...inConv, clientId: 'alice', role: 'Manager' }),
		request: { path: `/conversations/${CONV}/member-infos`, body: { clientId: 'alice', role: 'Manager' } },
		reply: { objectId: oid('info'), updatedAt: '2026-11-25T12:00:00.000Z' },
		output: [{ conversationId: CONV, clientId: 'alice', role: 'Manager', roleId: oid('info') }],
	},
	{
		endpoint: 'DELETE /conversations/{conv_id}/member-infos/{info_id}',
		parameters: on('role', 'remove', { ...inConv, roleId: oid('info') }),
		request: { path: `/conversations/${CONV}/member-infos/${oid('info')}` },
		output: [{ conversationId: CONV, roleId: oid('info'), deleted: true }],
	},
	{
		endpoint: 'PUT /conversations/{conv_id}/member-infos/{info_id}',
		parameters: on('role', 'update', { ...inConv, roleId: oid('info'), role: 'Member' }),
		request: { path: `/conversations/${CONV}/member-infos/${oid('info')}`, body: { role: 'Member' } },
		output: [{ conversationId: CONV, roleId: oid('info'), role: 'Member' }],
	},
	{
		endpoint: 'GET /conversations/{conv_id}/member-infos',
		parameters: on('role', 'getAll', { ...inConv, limit: 5, filters: { role: 'Owner' } }),
		request: { path: `/conversations/${CONV}/member-infos`, query: { role: 'Owner', limit: '5' } },
		reply: { results: [{ clientId: 'alice', objectId: oid('info'), role: 'Owner' }] },
		output: [{ conversationId: CONV, clientId: 'alice', role: 'Owner', roleId: oid('info') }],
	},
	{
		endpoint: 'POST /chatrooms/{chatroom_id}/member-infos',
		parameters: on('role', 'add', { ...inRoom, clientId: 'mod', role: 'Manager' }),
		request: { path: `/chatrooms/${ROOM}/member-infos`, body: { clientId: 'mod', role: 'Manager' } },
		reply: { objectId: oid('info2') },
		output: [{ conversationId: ROOM, clientId: 'mod', role: 'Manager', roleId: oid('info2') }],
	},
	{
		endpoint: 'DELETE /chatrooms/{chatroom_id}/member-infos/{info_id}',
		parameters: on('role', 'remove', { ...inRoom, roleId: oid('info2') }),
		request: { path: `/chatrooms/${ROOM}/member-infos/${oid('info2')}` },
		output: [{ conversationId: ROOM, roleId: oid('info2'), deleted: true }],
	},
	{
		endpoint: 'PUT /chatrooms/{chatroom_id}/member-infos/{info_id}',
		parameters: on('role', 'update', { ...inRoom, roleId: oid('info2'), role: 'Owner' }),
		request: { path: `/chatrooms/${ROOM}/member-infos/${oid('info2')}`, body: { role: 'Owner' } },
		output: [{ conversationId: ROOM, roleId: oid('info2'), role: 'Owner' }],
	},
	{
		endpoint: 'GET /chatrooms/{chatroom_id}/member-infos',
		parameters: on('role', 'getAll', { ...inRoom, returnAll: true }),
		request: { path: `/chatrooms/${ROOM}/member-infos`, query: { limit: '100' } },
		reply: { results: [{ clientId: 'mod', objectId: oid('info2'), role: 'Manager' }] },
		output: [{ conversationId: ROOM, clientId: 'mod', role: 'Manager', roleId: oid('info2') }],
	},
];
