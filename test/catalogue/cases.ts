/**
 * One engine run per documented /1.2/rtm endpoint (82, as README.md's "Every endpoint" table lists them): the node parameters, the exact
 * request they must produce, the reply, and the exact output. README's operations table is checked against
 * these cases, so an endpoint in the table without a case here fails the suite.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { byId, oid } from '../harness/leancloud';

export const CONV = oid('conv');
export const ROOM = oid('room');
export const SVC = oid('svc');
const TS = 1764064800123;
const updated = { updatedAt: '2026-11-25T12:00:00.000Z', objectId: CONV };
const sent = { result: { 'msg-id': 'm2', timestamp: TS + 1 } };
const record = { timestamp: TS, 'conv-id': CONV, data: '{"_lctype":-2,"_lcfile":{"url":"https://files.example/cat.png"}}', from: 'alice', 'msg-id': 'm1', 'is-conv': true };
const simplified = {
	timestamp: TS,
	conversationId: CONV,
	content: record.data,
	fromClient: 'alice',
	messageId: 'm1',
	isConv: true,
	contentType: 'image',
	fileUrl: 'https://files.example/cat.png',
};
const ref = { messageId: 'm1', timestamp: TS, fromClient: 'alice' };

export interface EndpointCase {
	/** The documented endpoint, as README's table names it: method and path under /1.2/rtm. */
	endpoint: string;
	/** What the case shows, when one endpoint has several cases. */
	title?: string;
	parameters: INodeParameters;
	items?: IDataObject[];
	/** The key the endpoint needs; the master key unless documented otherwise. */
	key?: 'master' | 'app';
	request: { path: string; query?: Record<string, string>; body?: IDataObject };
	reply?: unknown;
	output: IDataObject[];
}

const on = (resource: string, operation: string, fields: IDataObject = {}): INodeParameters =>
	({ resource, operation, ...fields }) as INodeParameters;
const inConv = { conversationId: byId(CONV) };
const inRoom = { conversationType: 'chatRoom', conversationId: byId(ROOM) };
const inSvc = { conversationType: 'serviceConversation', conversationId: byId(SVC) };
const svc = { conversationId: byId(SVC) };

export const cases: EndpointCase[] = [
	// 4.1 Normal conversations
	{
		endpoint: 'POST /conversations',
		parameters: on('conversation', 'create', { name: 'Support', members: 'alice, bob', unique: true }),
		request: { path: '/conversations', body: { name: 'Support', m: ['alice', 'bob'], unique: true } },
		reply: { objectId: CONV, name: 'Support', m: ['alice', 'bob'], unique: true },
		output: [{ objectId: CONV, name: 'Support', m: ['alice', 'bob'], unique: true }],
	},
	{
		endpoint: 'GET /conversations',
		title: 'Get Many',
		parameters: on('conversation', 'getAll', { limit: 2, where: '{"m": "alice"}' }),
		request: { path: '/conversations', query: { where: '{"m":"alice"}', limit: '2' } },
		reply: { results: [{ objectId: CONV }] },
		output: [{ objectId: CONV }],
	},
	{
		endpoint: 'GET /conversations',
		title: 'Get',
		parameters: on('conversation', 'get', inConv),
		request: { path: '/conversations', query: { where: `{"objectId":"${CONV}"}`, limit: '1' } },
		reply: { results: [{ objectId: CONV, name: 'Support' }] },
		output: [{ objectId: CONV, name: 'Support' }],
	},
	{
		endpoint: 'PUT /conversations/{conv_id}',
		parameters: on('conversation', 'update', { ...inConv, updateFields: { name: 'Closed' } }),
		request: { path: `/conversations/${CONV}`, body: { name: 'Closed' } },
		reply: updated,
		output: [updated],
	},
	{
		endpoint: 'DELETE /conversations/{conv_id}',
		parameters: on('conversation', 'delete', inConv),
		request: { path: `/conversations/${CONV}` },
		output: [{ deleted: true }],
	},
	{
		endpoint: 'POST /conversations/{conv_id}/members',
		parameters: on('member', 'add', { ...inConv, clientIds: 'alice, bob' }),
		request: { path: `/conversations/${CONV}/members`, body: { client_ids: ['alice', 'bob'] } },
		reply: updated,
		output: [updated],
	},
	{
		endpoint: 'DELETE /conversations/{conv_id}/members',
		parameters: on('member', 'remove', { ...inConv, clientIds: 'bob' }),
		request: { path: `/conversations/${CONV}/members`, body: { client_ids: ['bob'] } },
		reply: updated,
		output: [updated],
	},
	{
		endpoint: 'GET /conversations/{conv_id}/members',
		parameters: on('member', 'getAll', { ...inConv, returnAll: true }),
		request: { path: `/conversations/${CONV}/members` },
		reply: { result: ['alice', 'bob'] },
		output: [{ clientId: 'alice' }, { clientId: 'bob' }],
	},
	{
		endpoint: 'POST /conversations/{conv_id}/mutes',
		parameters: on('pushNotification', 'disable', { ...inConv, clientIds: 'alice' }),
		request: { path: `/conversations/${CONV}/mutes`, body: { client_ids: ['alice'] } },
		reply: updated,
		output: [updated],
	},
	{
		endpoint: 'DELETE /conversations/{conv_id}/mutes',
		parameters: on('pushNotification', 'enable', { ...inConv, clientIds: 'alice' }),
		request: { path: `/conversations/${CONV}/mutes`, body: { client_ids: ['alice'] } },
		reply: updated,
		output: [updated],
	},
	{
		endpoint: 'GET /conversations/{conv_id}/mutes',
		parameters: on('pushNotification', 'getAll', { ...inConv, returnAll: true }),
		request: { path: `/conversations/${CONV}/mutes` },
		reply: { result: ['alice'] },
		output: [{ clientId: 'alice' }],
	},
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

	// 4.2 Chat rooms
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

	// 4.3 Service conversations
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
	{
		endpoint: 'POST /service-conversations/{conv_id}/broadcasts',
		parameters: on('broadcast', 'send', { ...svc, fromClient: 'acme', text: 'Sale!', options: { push: '{"alert":"Sale!"}' } }),
		request: { path: `/service-conversations/${SVC}/broadcasts`, body: { from_client: 'acme', message: 'Sale!', push: { alert: 'Sale!' } } },
		reply: { result: { 'msg-id': 'sb_1', timestamp: TS } },
		output: [{ conversationId: SVC, messageId: 'sb_1', timestamp: TS, fromClient: 'acme', audience: 'subscribers' }],
	},
	{
		endpoint: 'PUT /service-conversations/{conv_id}/messages/{message_id}',
		title: 'per-user message',
		parameters: on('message', 'update', { ...inSvc, ...ref, toClients: 'bob', text: 'Edited' }),
		request: { path: `/service-conversations/${SVC}/messages/m1`, body: { from_client: 'alice', message: 'Edited', timestamp: TS, to_clients: ['bob'] } },
		output: [{ conversationId: SVC, ...ref, updated: true }],
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

	// 4.4 Clients
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

	// 4.5 App-wide
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
	{
		endpoint: 'GET /messages',
		parameters: on('app', 'getAllMessages', { limit: 1, options: { before: '2026-11-25T00:00:00.000Z' } }),
		request: { path: '/messages', query: { timestamp: String(Date.parse('2026-11-25T00:00:00.000Z')), limit: '1' } },
		reply: [record],
		output: [simplified],
	},
];
