'use strict';
// The /1.2/rtm endpoints the node covers, with the documented inputs, limits, keys and response envelopes
// (see shared/leancloud-im-api.md §4). Each route: method, path pattern, which key it needs, which rate
// bucket it counts against, and a handler returning the response body.
const { fail } = require('./store.cjs');

const MAX_MESSAGE_BYTES = 5 * 1024;
const MAX_TTL_SECONDS = 86_400;

// ---- input checks, answering as LeanCloud does: 400 with code 1 for bad parameters ----

const badParameter = (message) => fail(400, 1, message);

function requiredString(value, name) {
	if (typeof value !== 'string' || value === '') badParameter(`${name} is required.`);
	return value;
}

function clientIdList(value, name, max) {
	if (!Array.isArray(value) || value.length === 0 || value.some((id) => typeof id !== 'string' || id === '')) {
		badParameter(`${name} must be a non-empty array of client IDs.`);
	}
	if (max !== undefined && value.length > max) badParameter(`${name} can have at most ${max} client IDs.`);
	return value;
}

function integer(value, name, { min, max, fallback }) {
	if (value === undefined || value === null || value === '') return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > max) badParameter(`${name} must be an integer between ${min} and ${max}.`);
	return number;
}

function messageBody(value) {
	const message = requiredString(value, 'message');
	if (Buffer.byteLength(message, 'utf8') > MAX_MESSAGE_BYTES) fail(400, 4109, 'FRAME_TOO_LONG');
	return message;
}

const bool = (value) => value === true || value === 'true';
const messagingTarget = (store, id) => store.conversation(id, () => fail(404, 4401, 'INVALID_MESSAGING_TARGET'));

/** The message that modify, recall and delete address: conversation, message ID, original sender and timestamp. */
function ownedMessage(store, params, source) {
	messagingTarget(store, params.id);
	const timestamp = integer(source.timestamp, 'timestamp', { min: 1, max: Number.MAX_SAFE_INTEGER });
	if (timestamp === undefined) badParameter('timestamp is required.');
	return store.findMessage(params.id, params.messageId, timestamp, requiredString(source.from_client, 'from_client'));
}

function where(query) {
	if (!query.where) return {};
	try {
		return JSON.parse(query.where);
	} catch {
		return fail(400, 107, 'Malformed json object. A json dictionary is expected.');
	}
}

// ---- routes ----
// key: 'master' = master key required; 'acl' = master key required under the default _Conversation ACL;
// 'app' = the app key is enough.

const routes = [
	['POST', 'conversations', 'acl', null, ({ store, body }) => store.createConversation({ ...body, name: requiredString(body.name, 'name') })],
	[
		'GET',
		'conversations',
		'acl',
		null,
		({ store, query }) => {
			const skip = integer(query.skip, 'skip', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
			const limit = integer(query.limit, 'limit', { min: 1, max: 1000, fallback: 100 });
			return { results: store.query(where(query), skip, limit, (conversation) => !conversation.tr && !conversation.sys) };
		},
	],
	[
		'PUT',
		'conversations/:id',
		'acl',
		null,
		({ store, params, body }) => {
			if ('m' in body) badParameter('Members (m) cannot be updated here; use the members endpoints.');
			const { objectId, createdAt, updatedAt, ...fields } = body;
			return store.update(params.id, fields);
		},
	],
	['DELETE', 'conversations/:id', 'acl', null, ({ store, params }) => (store.deleteConversation(params.id), {})],

	['POST', 'conversations/:id/members', 'acl', null, ({ store, params, body }) => store.changeList(params.id, 'm', clientIdList(body.client_ids, 'client_ids'), true)],
	['DELETE', 'conversations/:id/members', 'acl', null, ({ store, params, body }) => store.changeList(params.id, 'm', clientIdList(body.client_ids, 'client_ids'), false)],
	['GET', 'conversations/:id/members', 'acl', null, ({ store, params }) => ({ result: store.conversation(params.id).m ?? [] })],

	['POST', 'conversations/:id/mutes', 'acl', null, ({ store, params, body }) => store.changeList(params.id, 'mu', clientIdList(body.client_ids, 'client_ids'), true)],
	['DELETE', 'conversations/:id/mutes', 'acl', null, ({ store, params, body }) => store.changeList(params.id, 'mu', clientIdList(body.client_ids, 'client_ids'), false)],
	['GET', 'conversations/:id/mutes', 'acl', null, ({ store, params }) => ({ result: store.conversation(params.id).mu ?? [] })],

	[
		'POST',
		'conversations/:id/temporary-silenceds',
		'master',
		null,
		({ store, params, body }) => {
			const ttl = integer(body.ttl, 'ttl', { min: 1, max: MAX_TTL_SECONDS });
			if (ttl === undefined) badParameter('ttl is required.');
			store.silence(params.id, requiredString(body.client_id, 'client_id'), ttl);
			return {};
		},
	],
	['DELETE', 'conversations/:id/temporary-silenceds', 'master', null, ({ store, params, query }) => (store.unsilence(params.id, requiredString(query.client_id, 'client_id')), {})],
	[
		'POST',
		'conversations/:id/permanent-silenceds',
		'master',
		null,
		({ store, params, body }) => {
			const silenced = store.permanentlySilenced(params.id);
			const ids = clientIdList(body.client_ids, 'client_ids');
			if (new Set([...silenced, ...ids]).size > 500) fail(400, 4561, 'SILIENCED_MEMBER_LIST_FULL');
			for (const id of ids) silenced.add(id);
			return {};
		},
	],
	[
		'DELETE',
		'conversations/:id/permanent-silenceds',
		'master',
		null,
		({ store, params, body }) => {
			const silenced = store.permanentlySilenced(params.id);
			for (const id of clientIdList(body.client_ids, 'client_ids')) silenced.delete(id);
			return {};
		},
	],
	[
		'GET',
		'conversations/:id/permanent-silenceds',
		'master',
		null,
		({ store, params, query }) => {
			const all = [...store.permanentlySilenced(params.id)];
			const limit = integer(query.limit, 'limit', { min: 1, max: 1000, fallback: 10 });
			const offset = integer(query.next, 'next', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
			const page = { client_ids: all.slice(offset, offset + limit) };
			if (offset + limit < all.length) page.next = String(offset + limit);
			return page;
		},
	],

	[
		'POST',
		'conversations/:id/messages',
		'master',
		'normal',
		({ store, params, body }) => {
			messagingTarget(store, params.id);
			const from = requiredString(body.from_client, 'from_client');
			const message = messageBody(body.message);
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
	],
	[
		'GET',
		'conversations/:id/messages',
		'master',
		null,
		({ store, params, query }) => {
			messagingTarget(store, params.id);
			const number = (value, name) => integer(value, name, { min: 0, max: Number.MAX_SAFE_INTEGER });
			return store.history(params.id, {
				timestamp: number(query.timestamp, 'timestamp'),
				msgid: query.msgid,
				tillTimestamp: number(query.till_timestamp, 'till_timestamp'),
				tillMsgid: query.till_msgid,
				includeStart: bool(query.include_start),
				includeStop: bool(query.include_stop),
				reversed: bool(query.reversed),
				limit: integer(query.limit, 'limit', { min: 1, max: 1000, fallback: 100 }),
			});
		},
	],
	[
		'PUT',
		'conversations/:id/messages/:messageId',
		'master',
		'normal',
		({ store, params, body }) => {
			ownedMessage(store, params, body).data = messageBody(body.message);
			return {};
		},
	],
	[
		'PUT',
		'conversations/:id/messages/:messageId/recall',
		'master',
		'normal',
		({ store, params, body }) => {
			const record = ownedMessage(store, params, body);
			// Assumption: a recalled record keeps its place and shows as the SDKs' recalled type (-127).
			record.data = '{"_lctype":-127}';
			record.recall = true;
			return {};
		},
	],
	[
		'DELETE',
		'conversations/:id/messages/:messageId',
		'master',
		null,
		({ store, params, query }) => {
			store.deleteMessage(params.id, ownedMessage(store, params, query));
			return {};
		},
	],

	// Documented for the app key; the credential test uses it.
	[
		'GET',
		'clients/:clientId/unread-count',
		'app',
		null,
		({ store, params, query }) => {
			let count = 0;
			for (const conversation of store.conversations.values()) {
				if (query.conv_id && conversation.objectId !== query.conv_id) continue;
				if (!(conversation.m ?? []).includes(params.clientId)) continue;
				count += (store.messages.get(conversation.objectId) ?? []).filter((record) => record.from !== params.clientId).length;
			}
			return { count };
		},
	],
];

/** Compiled route table: segment patterns where `:name` captures one decoded path segment. */
const table = routes.map(([method, pattern, key, bucket, handler]) => ({ method, segments: pattern.split('/'), key, bucket, handler }));

/** Finds the route for a method and the segments after /1.2/rtm/ (already percent-decoded, one per segment). */
function findRoute(method, segments) {
	let pathMatched = false;
	for (const route of table) {
		if (route.segments.length !== segments.length) continue;
		const params = {};
		const ok = route.segments.every((part, index) => (part.startsWith(':') ? ((params[part.slice(1)] = segments[index]), true) : part === segments[index]));
		if (!ok) continue;
		pathMatched = true;
		if (route.method === method) return { route, params };
	}
	return pathMatched ? { methodNotAllowed: true } : undefined;
}

module.exports = { findRoute };
