'use strict';
// Moderation routes under conversations and chat rooms (blacklists under service conversations too): temporary
// and permanent silences, member roles, blacklists.
const { fail } = require('./failures.cjs');
const { objectId } = require('./store.cjs');
const { badParameter, requiredString, clientIdList, integer, nextCursorPage, skipLimit } = require('./checks.cjs');

/** @typedef {import('./route.cjs').Route} Route */
/** @typedef {import('./store.cjs').Store} Store */

const MAX_TTL_SECONDS = 86_400;
const ROLES = ['Member', 'Manager', 'Owner'];

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

module.exports = { blacklists, roles, silences };
