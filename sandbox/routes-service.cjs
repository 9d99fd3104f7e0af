'use strict';
// Service conversations' audience: subscribers, broadcasts to them, per-user messages (to_clients, at most
// 20), each subscriber's own history, and the edits that share one path for all three kinds of message.
const { fail } = require('./failures.cjs');
const { historyOf } = require('./history.cjs');
const { requiredString, clientIdList, integer, messageBody, historyOptions, requiredTimestamp } = require('./checks.cjs');

/** @typedef {import('./route.cjs').Route} Route */
/** @typedef {import('./store.cjs').Store} Store */

/** @type {(store: Store, id: string) => import('./store.cjs').Conversation} */
const service = (store, id) => store.ofKind(id, 'service-conversations', () => fail(404, 4401, 'INVALID_MESSAGING_TARGET'));
/** @type {(store: Store, id: string) => Map<string, number>} */
const subscribers = (store, id) => { service(store, id); return store.setOf(store.subscribers, id, () => new Map()); };

/** Whether a subscriber sees a record: broadcasts reach every subscriber, per-user messages their recipients. */
/** @type {(clientId: string) => (record: import('./store.cjs').StoredRecord) => boolean} */
const visibleTo = (clientId) => (record) => (!record.toClients || record.toClients.includes(clientId)) && !record.hiddenFor?.includes(clientId);

/** Subscription lists page by a cursor taken from the last record; `after` says where the next page starts. */
/** @typedef {{ timestamp: number, subscriber: string, conv_id: string }} Subscription */

/**
 * @param {Subscription[]} records
 * @param {Record<string, string>} query
 * @param {((record: Subscription) => boolean) | '' | undefined} after
 */
function subscriptionPage(records, query, after) {
	const limit = integer(query.limit, 'limit', { min: 1, max: 50, fallback: 50 });
	const start = after ? records.findIndex(after) + 1 : 0;
	return records.slice(start, start + limit);
}

/**
 * @param {Store} store
 * @param {Record<string, string>} params
 * @param {any} source
 */
function findRecord(store, params, source) {
	service(store, params.id);
	const timestamp = requiredTimestamp(source.timestamp);
	const from = requiredString(source.from_client, 'from_client');
	const broadcast = store.broadcasts.find((entry) => entry['msg-id'] === params.messageId && entry.timestamp === timestamp);
	if (broadcast) {
		if (broadcast.from !== from) return fail(403, 4403, 'MESSAGE_OWNERSHIP_REQUIRED');
		return broadcast;
	}
	return store.findMessage(params.id, params.messageId, timestamp, from);
}

/** Edits of per-user messages (with to_clients) count as normal messages; broadcast edits against the subscriber quota. */
/** @type {(body: any) => string} */
const editBucket = (body) => (body && body.to_clients !== undefined ? 'normal' : 'subscriber');

/** @type {Route[]} */
const serviceRoutes = [
	{
		method: 'POST',
		path: 'service-conversations/:id/subscribers',
		key: 'master',
		bucket: null,
		handler: ({ store, params, body }) => {
			const clientId = requiredString(body.client_id, 'client_id');
			if (store.blacklists.get(params.id)?.has(clientId)) fail(403, 4548, 'BLOCKED_BY_CONV');
			const list = subscribers(store, params.id);
			if (!list.has(clientId)) list.set(clientId, store.nextTimestamp());
			return {};
		},
	},
	{ method: 'DELETE', path: 'service-conversations/:id/subscribers/:clientId', key: 'master', bucket: null, handler: ({ store, params }) => { subscribers(store, params.id).delete(params.clientId); return {}; } },
	{
		method: 'GET',
		path: 'service-conversations/:id/subscribers',
		key: 'master',
		bucket: null,
		handler: ({ store, params, query }) => {
			const records = [...subscribers(store, params.id)].map(([subscriber, timestamp]) => ({ timestamp, subscriber, conv_id: params.id }));
			return subscriptionPage(records, query, query.client_id && ((/** @type {Subscription} */ record) => record.subscriber === query.client_id));
		},
	},
	{ method: 'GET', path: 'service-conversations/:id/subscribers/count', key: 'master', bucket: null, handler: ({ store, params }) => ({ count: subscribers(store, params.id).size }) },
	{
		method: 'POST',
		path: 'service-conversations/:id/broadcasts',
		key: 'master',
		bucket: 'subscriber',
		handler: ({ store, params, body }) => {
			service(store, params.id);
			const record = store.addMessage(params.id, requiredString(body.from_client, 'from_client'), messageBody(body.message), { prefix: 'sb_' });
			return { result: { 'msg-id': record['msg-id'], timestamp: record.timestamp } };
		},
	},
	{
		method: 'POST',
		path: 'service-conversations/:id/messages',
		key: 'master',
		bucket: 'normal',
		handler: ({ store, params, body }) => {
			service(store, params.id);
			const from = requiredString(body.from_client, 'from_client');
			const toClients = clientIdList(body.to_clients, 'to_clients', 20);
			const record = store.addMessage(params.id, from, messageBody(body.message), { toClients });
			return { result: { 'msg-id': record['msg-id'], timestamp: record.timestamp } };
		},
	},
	{
		method: 'PUT',
		path: 'service-conversations/:id/messages/:messageId',
		key: 'master',
		bucket: editBucket,
		handler: ({ store, params, body }) => {
			const record = findRecord(store, params, body);
			if (body.to_clients !== undefined) clientIdList(body.to_clients, 'to_clients', 20);
			record[record.message !== undefined ? 'message' : 'data'] = messageBody(body.message);
			return {};
		},
	},
	{
		method: 'PUT',
		path: 'service-conversations/:id/messages/:messageId/recall',
		key: 'master',
		bucket: editBucket,
		handler: ({ store, params, body }) => {
			const record = findRecord(store, params, body);
			if (body.to_clients !== undefined) clientIdList(body.to_clients, 'to_clients', 20);
			record.data = '{"_lctype":-127}';
			record.recall = true;
			return {};
		},
	},
	{
		method: 'DELETE',
		path: 'service-conversations/:id/subscribers/:clientId/messages/:messageId',
		key: 'master',
		bucket: null,
		handler: ({ store, params, query }) => {
			const record = findRecord(store, params, query);
			// Deletes the subscriber's copy only.
			record.hiddenFor = [...(record.hiddenFor ?? []), params.clientId];
			return {};
		},
	},
	{
		method: 'GET',
		path: 'service-conversations/:id/subscribers/:clientId/messages',
		key: 'master',
		bucket: null,
		handler: ({ store, params, query }) => { service(store, params.id); return historyOf((store.messages.get(params.id) ?? []).filter(visibleTo(params.clientId)), historyOptions(query)); },
	},
];

module.exports = { serviceRoutes, subscriptionPage };
