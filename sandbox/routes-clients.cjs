'use strict';
// Client and app-wide routes: online checks, kicks, unread counts, a client's subscriptions, sent messages and
// own blacklist, login signatures, usage stats, every conversation, app-wide broadcasts and the message export.
const { createHash } = require('node:crypto');

const { fail } = require('./failures.cjs');
const { historyOf } = require('./history.cjs');
const { badParameter, requiredString, clientIdList, integer, messageBody, bool, where, historyOptions, nextCursorPage, skipLimit } = require('./checks.cjs');
const { subscriptionPage } = require('./routes-service.cjs');

/** @typedef {import('./route.cjs').Route} Route */
/** @typedef {import('./store.cjs').Store} Store */

const ONE_MONTH_MS = 31 * 24 * 60 * 60 * 1000;
/** @type {(conversation: import('./store.cjs').Conversation) => boolean} */
const conversationOrRoom = (conversation) => !conversation.sys;

/** @type {Route[]} */
const clientRoutes = [
	{ method: 'POST', path: 'clients/check-online', key: 'master', bucket: null, handler: ({ store, body }) => ({ results: clientIdList(body.client_ids, 'client_ids', 20).filter((id) => store.online.has(id)) }) },
	// Documented for the app key; the credential test uses it.
	{
		method: 'GET',
		path: 'clients/:clientId/unread-count',
		key: 'app',
		bucket: null,
		handler: ({ store, params, query }) => {
			let count = 0;
			for (const conversation of store.conversations.values()) {
				if (query.conv_id && conversation.objectId !== query.conv_id) continue;
				if (!(conversation.m ?? []).includes(params.clientId)) continue;
				count += (store.messages.get(conversation.objectId) ?? []).filter((record) => record.from !== params.clientId).length;
			}
			return { count };
		},
	},
	{
		method: 'POST',
		path: 'clients/:clientId/kick',
		key: 'master',
		bucket: null,
		handler: ({ store, params, body }) => {
			const reason = body.reason === undefined ? undefined : String(body.reason);
			if (reason !== undefined && [...reason].length > 20) badParameter('reason can have at most 20 characters.');
			store.online.delete(params.clientId);
			store.kicked.push({ clientId: params.clientId, reason });
			return {};
		},
	},
	{
		method: 'GET',
		path: 'clients/:clientId/service-conversations',
		key: 'master',
		bucket: null,
		handler: ({ store, params, query }) => {
			/** @type {Array<{ timestamp: number, subscriber: string, conv_id: string }>} */
			const records = [];
			for (const [convId, list] of store.subscribers) {
				const timestamp = list.get(params.clientId);
				if (timestamp !== undefined) records.push({ timestamp, subscriber: params.clientId, conv_id: convId });
			}
			records.sort((a, b) => a.timestamp - b.timestamp);
			if ((query.direction ?? 'new') === 'old') records.reverse();
			if (query.conv_id !== undefined && query.timestamp === undefined) badParameter('timestamp is required with conv_id.');
			const after = query.conv_id && ((/** @type {{ timestamp: number, conv_id: string }} */ record) => record.conv_id === query.conv_id && String(record.timestamp) === query.timestamp);
			return subscriptionPage(records, query, after);
		},
	},
	{
		method: 'GET',
		path: 'clients/:clientId/messages',
		key: 'master',
		bucket: null,
		handler: ({ store, params, query }) => {
			const ids = new Set([...store.conversations.values()].filter(conversationOrRoom).map((conversation) => conversation.objectId));
			return historyOf(store.allMessages((record) => record.from === params.clientId && ids.has(record['conv-id'])), historyOptions(query));
		},
	},
	{
		method: 'POST',
		path: 'clients/:clientId/blacklists',
		key: 'master',
		bucket: null,
		handler: ({ store, params, body }) => {
			const conversation = store.conversation(requiredString(body.conv_id, 'conv_id'));
			if (!conversation.tr && !conversation.sys && (conversation.m ?? []).length <= 2) fail(400, 1, 'Client-to-client blocking is not supported.');
			store.setOf(store.clientBlocks, params.clientId, () => new Set()).add(body.conv_id);
			return {};
		},
	},
	{ method: 'DELETE', path: 'clients/:clientId/blacklists', key: 'master', bucket: null, handler: ({ store, params, body }) => { store.setOf(store.clientBlocks, params.clientId, () => new Set()).delete(requiredString(body.conv_id, 'conv_id')); return {}; } },
	{ method: 'GET', path: 'clients/:clientId/blacklists', key: 'master', bucket: null, handler: ({ store, params, query }) => nextCursorPage([...store.setOf(store.clientBlocks, params.clientId, () => new Set())], query, 'conv_ids') },
	{
		method: 'GET',
		path: 'clients/sign',
		key: 'app',
		bucket: null,
		handler: ({ store, query }) => {
			// Sandbox session tokens are "r:" + the user's objectId; anything else is an unknown session.
			const token = requiredString(query.session_token, 'session_token');
			if (!/^r:[0-9a-f]{24}$/.test(token)) fail(400, 211, 'Could not find user.');
			const clientId = token.slice(2);
			const timestamp = store.nextTimestamp();
			const nonce = createHash('md5').update(`${token}:${timestamp}`).digest('hex').slice(0, 16);
			const signature = createHash('sha1').update(`${clientId}:${nonce}:${timestamp}`).digest('hex');
			return { signature, nonce, client_id: clientId, timestamp };
		},
	},
];

/** @type {Route[]} */
const appRoutes = [
	{ method: 'GET', path: 'stats', key: 'master', bucket: null, handler: ({ store }) => ({ result: { online_user_count: store.online.size, user_count_today: new Set(store.allMessages().map((record) => record.from)).size } }) },
	{
		method: 'GET',
		path: 'all-conversations',
		key: 'acl',
		bucket: null,
		handler: ({ store, query }) => {
			const { skip, limit } = skipLimit(query);
			return { results: store.query(where(query), skip, limit, undefined, query.order) };
		},
	},
	{
		method: 'POST',
		path: 'broadcasts',
		key: 'master',
		bucket: 'broadcast',
		handler: ({ store, body }) => {
			const conversation = store.conversation(requiredString(body.conv_id, 'conv_id'), () => fail(404, 4401, 'INVALID_MESSAGING_TARGET'));
			if (!conversation.sys) fail(400, 4313, 'SYSTEM_CONVERSATION_REQUIRED');
			const now = store.now();
			const validTill = integer(body.valid_till, 'valid_till', { min: now, max: now + ONE_MONTH_MS, fallback: now + ONE_MONTH_MS });
			const entry = {
				'msg-id': `sb_${store.nextTimestamp().toString(36)}`,
				conv_id: body.conv_id,
				from: requiredString(body.from_client, 'from_client'),
				message: messageBody(body.message),
				timestamp: store.nextTimestamp(),
				valid_till: validTill,
				transient: bool(body.transient),
			};
			store.broadcasts.push(entry);
			return { result: { 'msg-id': entry['msg-id'], timestamp: entry.timestamp } };
		},
	},
	{
		method: 'DELETE',
		path: 'broadcasts/:messageId',
		key: 'master',
		bucket: null,
		handler: ({ store, params }) => {
			const index = store.broadcasts.findIndex((entry) => entry['msg-id'] === params.messageId);
			if (index < 0) fail(404, 4404, 'MESSAGE_NOT_FOUND');
			store.broadcasts.splice(index, 1);
			return {};
		},
	},
	{
		method: 'GET',
		path: 'broadcasts',
		key: 'master',
		bucket: null,
		handler: ({ store, query }) => {
			requiredString(query.conv_id, 'conv_id');
			const { skip, limit } = skipLimit(query);
			// Undocumented shape; the sandbox answers a bare array of the valid broadcasts.
			return store.broadcasts.filter((entry) => entry.conv_id === query.conv_id && entry.valid_till > store.now()).slice(skip, skip + limit);
		},
	},
	{ method: 'GET', path: 'messages', key: 'master', bucket: null, handler: ({ store, query }) => historyOf(store.allMessages(), historyOptions(query)) },
];

module.exports = { clientRoutes, appRoutes };
