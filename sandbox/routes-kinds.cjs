'use strict';
// Routes that exist under several conversation collections (conversations, chatrooms, service-conversations):
// create/query/update/delete, messages, silencing, roles and blacklists, plus the members and push mutes of
// normal conversations and a chat room's online members. Each kind's path only reaches conversations of that kind.
const { Store, fail, objectId } = require('./store.cjs');
const { badParameter, requiredString, clientIdList, integer, messageBody, bool, where, historyOptions, nextCursorPage, skipLimit, requiredTimestamp } = require('./checks.cjs');

/** @typedef {import('./route.cjs').Route} Route */

const MAX_TTL_SECONDS = 86_400;
const ROLES = ['Member', 'Manager', 'Owner'];
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

/**
 * Add (POST `client_ids`), remove (DELETE with a JSON body) and list (`limit`/`next`) for a set of client IDs
 * kept per conversation: permanent silences and blacklists work alike, with their own cap and error.
 */
/**
 * @param {string} path
 * @param {(store: Store, id: string) => Set<string>} setFor
 * @param {{ cap: number, full: [number, string], added?: (store: Store, id: string, ids: string[]) => void }} rules
 * @returns {Route[]}
 */
function clientIdSetRoutes(path, setFor, { cap, full, added = () => undefined }) {
	return [
		{
			method: 'POST',
			path: path,
			key: 'master',
			bucket: null,
			handler: ({ store, params, body }) => {
				const set = setFor(store, params.id);
				const ids = clientIdList(body.client_ids, 'client_ids');
				if (new Set([...set, ...ids]).size > cap) fail(400, full[0], full[1]);
				for (const id of ids) set.add(id);
				added(store, params.id, ids);
				return {};
			},
		},
		{
			method: 'DELETE',
			path: path,
			key: 'master',
			bucket: null,
			handler: ({ store, params, body }) => {
				const set = setFor(store, params.id);
				for (const id of clientIdList(body.client_ids, 'client_ids')) set.delete(id);
				return {};
			},
		},
		{ method: 'GET', path: path, key: 'master', bucket: null, handler: ({ store, params, query }) => nextCursorPage([...setFor(store, params.id)], query, 'client_ids') },
	];
}

/**
 * @param {'conversations' | 'chatrooms' | 'service-conversations'} collection
 * @returns {Route[]}
 */
function silences(collection) {
	/** @type {(store: Store, id: string) => import('./store.cjs').Conversation} */
	const own = (store, id) => store.ofKind(id, collection);
	return [
		{
			method: 'POST',
			path: `${collection}/:id/temporary-silenceds`,
			key: 'master',
			bucket: null,
			handler: ({ store, params, body }) => {
				own(store, params.id);
				const ttl = integer(body.ttl, 'ttl', { min: 1, max: MAX_TTL_SECONDS });
				if (ttl === undefined) return badParameter('ttl is required.');
				store.silence(params.id, requiredString(body.client_id, 'client_id'), ttl);
				return {};
			},
		},
		{ method: 'DELETE', path: `${collection}/:id/temporary-silenceds`, key: 'master', bucket: null, handler: ({ store, params, query }) => { own(store, params.id); store.unsilence(params.id, requiredString(query.client_id, 'client_id')); return {}; } },
		...clientIdSetRoutes(`${collection}/:id/permanent-silenceds`, (store, id) => { own(store, id); return store.permanentlySilenced(id); }, {
			cap: 500,
			full: [4561, 'SILIENCED_MEMBER_LIST_FULL'],
		}),
	];
}

/**
 * @param {'conversations' | 'chatrooms' | 'service-conversations'} collection
 * @returns {Route[]}
 */
function roles(collection) {
	/** @type {(store: Store, id: string) => Map<string, { clientId: string, role: string, objectId: string }>} */
	const infos = (store, id) => { store.ofKind(id, collection); return store.setOf(store.memberInfos, id, () => new Map()); };
	/** @type {(value: unknown) => string} */
	const role = (value) => (typeof value === 'string' && ROLES.includes(value) ? value : fail(400, 4321, 'UNKNOWN_CONVERSATION_ROLE'));
	/** @type {(store: Store, params: Record<string, string>) => { clientId: string, role: string, objectId: string }} */
	const entry = (store, params) => infos(store, params.id).get(params.infoId) ?? fail(404, 101, 'Object not found.');
	/** @type {(store: Store, info: { objectId: string }) => { objectId: string, updatedAt: string }} */
	const stamp = (store, info) => ({ objectId: info.objectId, updatedAt: store.iso() });
	return [
		{
			method: 'POST',
			path: `${collection}/:id/member-infos`,
			key: 'master',
			bucket: null,
			handler: ({ store, params, body }) => {
				const info = { clientId: requiredString(body.clientId, 'clientId'), role: role(body.role), objectId: objectId() };
				infos(store, params.id).set(info.objectId, info);
				return stamp(store, info);
			},
		},
		{ method: 'DELETE', path: `${collection}/:id/member-infos/:infoId`, key: 'master', bucket: null, handler: ({ store, params }) => { entry(store, params); infos(store, params.id).delete(params.infoId); return {}; } },
		{
			method: 'PUT',
			path: `${collection}/:id/member-infos/:infoId`,
			key: 'master',
			bucket: null,
			handler: ({ store, params, body }) => {
				const info = entry(store, params);
				if (body.clientId !== undefined) info.clientId = requiredString(body.clientId, 'clientId');
				if (body.role !== undefined) info.role = role(body.role);
				return stamp(store, info);
			},
		},
		{
			method: 'GET',
			path: `${collection}/:id/member-infos`,
			key: 'master',
			bucket: null,
			handler: ({ store, params, query }) => {
				const { skip, limit } = skipLimit(query);
				const all = [...infos(store, params.id).values()].filter((info) => !query.role || info.role === query.role);
				return { results: all.slice(skip, skip + limit) };
			},
		},
	];
}

/**
 * @param {'conversations' | 'chatrooms' | 'service-conversations'} collection
 * @returns {Route[]}
 */
function blacklists(collection) {
	return clientIdSetRoutes(`${collection}/:id/blacklists`, (store, id) => { store.ofKind(id, collection); return store.setOf(store.blacklists, id, () => new Set()); }, {
		cap: collection === 'conversations' ? 500 : 10_000,
		full: [4543, 'BLACKLIST_FULL'],
		// Blacklisted clients leave the conversation (and a service conversation's subscribers).
		added(store, id, ids) {
			const conversation = store.conversation(id);
			if (Array.isArray(conversation.m)) conversation.m = conversation.m.filter((member) => !ids.includes(member));
			for (const clientId of ids) store.subscribers.get(id)?.delete(clientId);
		},
	});
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
