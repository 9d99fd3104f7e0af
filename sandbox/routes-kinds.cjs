'use strict';
// Routes that exist under several conversation collections (conversations, chatrooms, service-conversations):
// create/query/update/delete and messages, plus the members and push mutes of normal conversations and a chat
// room's online members; silences, roles and blacklists come from routes-moderation.cjs. Each kind's path only
// reaches conversations of that kind.
const { fail } = require('./failures.cjs');
const { Store } = require('./store.cjs');
const { badParameter, requiredString, clientIdList, messageBody, bool, where, historyOptions, skipLimit, requiredTimestamp } = require('./checks.cjs');
const { blacklists, roles, silences } = require('./routes-moderation.cjs');

/** @typedef {import('./route.cjs').Route} Route */

/** @type {Record<string, Record<string, boolean>>} */
const FLAGS = { conversations: {}, chatrooms: { tr: true }, 'service-conversations': { sys: true } };

/**
 * @param {'conversations' | 'chatrooms' | 'service-conversations'} collection
 * @returns {Route[]}
 */
function crud(collection) {
	const flags = FLAGS[collection];
	/** @type {(store: Store, id: string) => import('./store.cjs').Conversation} */
	const own = (store, id) => store.ofKind(id, collection);
	return [
		{
			method: 'POST',
			path: collection,
			key: 'acl',
			bucket: null,
			handler: ({ store, body }) => {
				const { objectId: ignored, createdAt, updatedAt, ...fields } = body;
				const created = store.createConversation({ ...fields, ...flags, name: requiredString(body.name, 'name') });
				// Chat rooms and service conversations answer the old short form; normal ones the full object (since 2020).
				return collection === 'conversations' ? created : { objectId: created.objectId, createdAt: created.createdAt };
			},
		},
		{
			method: 'GET',
			path: collection,
			key: 'acl',
			bucket: null,
			handler: ({ store, query }) => {
				const { skip, limit } = skipLimit(query);
				return { results: store.query(where(query), skip, limit, (conversation) => Store.collectionOf(conversation) === collection, query.order) };
			},
		},
		{
			method: 'PUT',
			path: `${collection}/:id`,
			key: 'acl',
			bucket: null,
			handler: ({ store, params, body }) => {
				own(store, params.id);
				if ('m' in body) badParameter('Members (m) cannot be updated here; use the members endpoints.');
				const { objectId: ignored, createdAt, updatedAt, ...fields } = body;
				return store.update(params.id, fields);
			},
		},
		{ method: 'DELETE', path: `${collection}/:id`, key: 'acl', bucket: null, handler: ({ store, params }) => { own(store, params.id); store.deleteConversation(params.id); return {}; } },
	];
}

/**
 * @param {'conversations' | 'chatrooms' | 'service-conversations'} collection
 * @returns {Route[]}
 */
function messages(collection) {
	/** @type {(store: Store, id: string) => import('./store.cjs').Conversation} */
	const target = (store, id) => store.ofKind(id, collection, () => fail(404, 4401, 'INVALID_MESSAGING_TARGET'));
	/** @type {(store: Store, params: Record<string, string>, source: any) => import('./store.cjs').StoredRecord} */
	const owned = (store, params, source) => {
		target(store, params.id);
		return store.findMessage(params.id, params.messageId, requiredTimestamp(source.timestamp), requiredString(source.from_client, 'from_client'));
	};
	return [
		{
			method: 'POST',
			path: `${collection}/:id/messages`,
			key: 'master',
			bucket: 'normal',
			handler: ({ store, params, body }) => {
				target(store, params.id);
				const from = requiredString(body.from_client, 'from_client');
				const message = messageBody(body.message);
				// Chat rooms lost no_sync and push_data in Nov 2018: a client still sending them is out of date.
				if (collection === 'chatrooms' && ('no_sync' in body || 'push_data' in body)) badParameter('Chat rooms take neither no_sync nor push_data.');
				if (body.mention_client_ids !== undefined) clientIdList(body.mention_client_ids, 'mention_client_ids', 20);
				if (body.priority !== undefined && !['high', 'normal', 'low'].includes(String(body.priority).toLowerCase())) {
					badParameter('priority must be high, normal or low.');
				}
				// Assumption (not documented for REST): silenced clients cannot send, as in client SDKs.
				const silenced = store.silencedReason(params.id, from);
				if (silenced === 'temporary') fail(403, 4315, 'CONVERSATION_TEMPORARY_BLACKLISTED');
				if (silenced === 'permanent') fail(403, 4563, 'SILENCED');
				const record = store.addMessage(params.id, from, message, { transient: bool(body.transient) });
				// Real servers wrap the documented {"msg-id", "timestamp"} in "result".
				return { result: { 'msg-id': record['msg-id'], timestamp: record.timestamp } };
			},
		},
		{ method: 'GET', path: `${collection}/:id/messages`, key: 'master', bucket: null, handler: ({ store, params, query }) => { target(store, params.id); return store.history(params.id, historyOptions(query)); } },
		{
			method: 'PUT',
			path: `${collection}/:id/messages/:messageId`,
			key: 'master',
			bucket: 'normal',
			handler: ({ store, params, body }) => {
				owned(store, params, body).data = messageBody(body.message);
				return {};
			},
		},
		{
			method: 'PUT',
			path: `${collection}/:id/messages/:messageId/recall`,
			key: 'master',
			bucket: 'normal',
			handler: ({ store, params, body }) => {
				const record = owned(store, params, body);
				// Assumption: a recalled record keeps its place and shows as the SDKs' recalled type (-127).
				record.data = '{"_lctype":-127}';
				record.recall = true;
				return {};
			},
		},
		{ method: 'DELETE', path: `${collection}/:id/messages/:messageId`, key: 'master', bucket: null, handler: ({ store, params, query }) => { store.deleteMessage(params.id, owned(store, params, query)); return {}; } },
	];
}

/** Members and push mutes exist only for normal conversations. */
/** @returns {Route[]} */
function membersAndMutes() {
	/** @type {(store: Store, id: string) => import('./store.cjs').Conversation} */
	const own = (store, id) => store.ofKind(id, 'conversations');
	/** @type {(path: string, field: 'm' | 'mu') => Route[]} */
	const listRoutes = (path, field) => [
		{ method: 'POST', path: `conversations/:id/${path}`, key: 'acl', bucket: null, handler: ({ store, params, body }) => { own(store, params.id); return store.changeList(params.id, field, clientIdList(body.client_ids, 'client_ids'), true); } },
		{ method: 'DELETE', path: `conversations/:id/${path}`, key: 'acl', bucket: null, handler: ({ store, params, body }) => { own(store, params.id); return store.changeList(params.id, field, clientIdList(body.client_ids, 'client_ids'), false); } },
		{ method: 'GET', path: `conversations/:id/${path}`, key: 'acl', bucket: null, handler: ({ store, params }) => ({ result: own(store, params.id)[field] ?? [] }) },
	];
	return [...listRoutes('members', 'm'), ...listRoutes('mutes', 'mu')];
}

/** A chat room has no stored members: its online sample is who is online among the clients it was created with. */
/** @returns {Route[]} */
function roomOnline() {
	/** @type {(store: Store, id: string) => string[]} */
	const online = (store, id) => (store.ofKind(id, 'chatrooms').m ?? []).filter((clientId) => store.online.has(clientId));
	return [
		{ method: 'GET', path: 'chatrooms/:id/members', key: 'master', bucket: null, handler: ({ store, params }) => ({ result: online(store, params.id).slice(0, 50) }) },
		{ method: 'GET', path: 'chatrooms/:id/members/online-count', key: 'master', bucket: null, handler: ({ store, params }) => ({ result: online(store, params.id).length }) },
	];
}

/** @type {Route[]} */
const kindRoutes = [
	.../** @type {const} */ (['conversations', 'chatrooms', 'service-conversations']).flatMap((collection) => [...crud(collection), ...blacklists(collection)]),
	.../** @type {const} */ (['conversations', 'chatrooms']).flatMap((collection) => [...messages(collection), ...silences(collection), ...roles(collection)]),
	...membersAndMutes(),
	...roomOnline(),
];

module.exports = { kindRoutes };
