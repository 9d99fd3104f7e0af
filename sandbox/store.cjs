'use strict';
// In-memory state of one LeanCloud IM app: conversations (the _Conversation rows), their members, push mutes
// (`mu`), temporary and permanent silences, and message history with the documented paging semantics.
const { randomBytes } = require('node:crypto');

class ApiError extends Error {
	constructor(status, code, error) {
		super(error);
		this.status = status;
		this.code = code;
		/** @type {number | undefined} Set on 429s: how long until requests are accepted again. */
		this.retryAfterMs = undefined;
	}
}

/** @type {(status: number, code: number, error: string) => never} */
const fail = (status, code, error) => {
	throw new ApiError(status, code, error);
};

const objectId = () => randomBytes(12).toString('hex');
// Message IDs are about 22-character URL-safe strings.
const messageId = () => randomBytes(16).toString('base64url').slice(0, 22);

// ---- where-clause matching (the subset of LeanCloud's query language that conversation queries use) ----

function fieldValue(doc, path) {
	return path.split('.').reduce((value, key) => (value === undefined || value === null ? undefined : value[key]), doc);
}

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** A LeanCloud Date operand ({"__type": "Date", "iso": …}) compares as its ISO text, as stored dates are kept here. */
const operandValue = (operand) =>
	typeof operand === 'object' && operand !== null && operand.__type === 'Date' && typeof operand.iso === 'string' ? operand.iso : operand;

function matchesCondition(value, condition) {
	const isOperatorObject =
		typeof condition === 'object' && condition !== null && !Array.isArray(condition) && Object.keys(condition).some((key) => key.startsWith('$'));
	if (!isOperatorObject) return Array.isArray(value) && !Array.isArray(condition) ? value.some((entry) => same(entry, condition)) : same(value, condition);
	return Object.entries(condition).every(([operator, operand]) => {
		const values = Array.isArray(value) ? value : [value];
		switch (operator) {
			case '$regex':
				return values.some((entry) => typeof entry === 'string' && new RegExp(operand, condition.$options ?? '').test(entry));
			case '$options':
				return true;
			case '$in':
				return values.some((entry) => operand.some((candidate) => same(entry, candidate)));
			case '$nin':
				return !values.some((entry) => operand.some((candidate) => same(entry, candidate)));
			case '$ne':
				return !matchesCondition(value, operand);
			case '$exists':
				return (value !== undefined) === Boolean(operand);
			case '$all':
				return Array.isArray(value) && operand.every((candidate) => value.some((entry) => same(entry, candidate)));
			case '$size':
				return Array.isArray(value) && value.length === operand;
			case '$gt':
				return value > operandValue(operand);
			case '$gte':
				return value >= operandValue(operand);
			case '$lt':
				return value < operandValue(operand);
			case '$lte':
				return value <= operandValue(operand);
			default:
				return fail(400, 102, `Unsupported query operator ${operator}.`);
		}
	});
}

function matches(doc, where) {
	return Object.entries(where).every(([field, condition]) => {
		if (field === '$or') return condition.some((part) => matches(doc, part));
		if (field === '$and') return condition.every((part) => matches(doc, part));
		return matchesCondition(fieldValue(doc, field), condition);
	});
}

// ---- the store ----

class Store {
	constructor(now = Date.now) {
		this.now = now;
		this.conversations = new Map();
		this.messages = new Map(); // conversation ID -> records, oldest first
		this.temporarySilences = new Map(); // conversation ID -> Map(client ID -> expiry ms)
		this.permanentSilences = new Map(); // conversation ID -> Set(client ID)
		this.memberInfos = new Map(); // conversation ID -> Map(info ID -> {clientId, role, objectId})
		this.blacklists = new Map(); // conversation ID -> Set(client ID)
		this.subscribers = new Map(); // service conversation ID -> Map(client ID -> subscription ms)
		this.clientBlocks = new Map(); // client ID -> Set(conversation ID), the client's own blacklist
		this.online = new Set(); // client IDs online now (seeded by tests and the demo; no WebSocket here)
		this.kicked = []; // {clientId, reason}
		this.broadcasts = []; // app-wide broadcasts: {msg-id, conv_id, from, message, timestamp, valid_till}
		this.lastTimestamp = 0;
		this.sequence = 0;
	}

	/** The endpoint collection a conversation belongs to, from its tr (chat room) and sys (service) flags. */
	static collectionOf(conversation) {
		if (conversation.tr) return 'chatrooms';
		if (conversation.sys) return 'service-conversations';
		return 'conversations';
	}

	/** A conversation addressed through a collection's path: one of another kind is not found there. */
	ofKind(id, collection, notFound = () => fail(404, 101, 'Object not found.')) {
		const conversation = this.conversations.get(id);
		return conversation && Store.collectionOf(conversation) === collection ? conversation : notFound();
	}

	/** The set of a per-conversation map entry, created on first use. */
	setOf(map, id, make = () => new Set()) {
		if (!map.has(id)) map.set(id, make());
		return map.get(id);
	}

	iso() {
		return new Date(this.now()).toISOString();
	}

	conversation(id, notFound = () => fail(404, 101, 'Object not found.')) {
		return this.conversations.get(id) ?? notFound();
	}

	/** Creates a conversation; `id` fixes its objectId (for seeded demo data). */
	createConversation(fields, id = objectId()) {
		const members = Array.isArray(fields.m) ? [...new Set(fields.m.map(String))].slice(0, 500) : [];
		if (fields.unique) {
			const key = [...members].sort().join('\n');
			for (const existing of this.conversations.values()) {
				if (existing.unique && !existing.tr && !existing.sys && [...existing.m].sort().join('\n') === key) return existing;
			}
		}
		const now = this.iso();
		const conversation = { ...fields, m: members, objectId: id, createdAt: now, updatedAt: now };
		if (fields.unique) conversation.uniqueId = objectId();
		this.conversations.set(conversation.objectId, conversation);
		this.messages.set(conversation.objectId, []);
		return conversation;
	}

	/**
	 * A storage-style query. `order` (createdAt or -createdAt, as LeanCloud's storage takes it; ties by objectId)
	 * is honoured; without it rows come in creation order.
	 */
	/**
	 * @param {object} where
	 * @param {number} skip
	 * @param {number} limit
	 * @param {(conversation: any) => boolean} [filter]
	 * @param {string} [order]
	 */
	query(where, skip, limit, filter = () => true, order) {
		const rows = [...this.conversations.values()].filter((conversation) => filter(conversation) && matches(conversation, where));
		if (order === 'createdAt' || order === '-createdAt') {
			const sign = order.startsWith('-') ? -1 : 1;
			rows.sort((a, b) => sign * (a.createdAt.localeCompare(b.createdAt) || a.objectId.localeCompare(b.objectId)));
		}
		return rows.slice(skip, skip + limit);
	}

	update(id, fields) {
		const conversation = this.conversation(id);
		Object.assign(conversation, fields, { updatedAt: this.iso() });
		return { objectId: id, updatedAt: conversation.updatedAt };
	}

	deleteConversation(id) {
		this.conversation(id);
		this.conversations.delete(id);
		this.messages.delete(id);
		for (const map of [this.temporarySilences, this.permanentSilences, this.memberInfos, this.blacklists, this.subscribers]) map.delete(id);
	}

	/** Adds or removes client IDs in an array field (`m` members, `mu` push mutes). */
	changeList(id, field, clientIds, add) {
		const conversation = this.conversation(id);
		const current = new Set(conversation[field] ?? []);
		for (const clientId of clientIds) add ? current.add(clientId) : current.delete(clientId);
		if (field === 'm' && current.size > 500) fail(400, 4304, 'CONVERSATION_FULL');
		conversation[field] = [...current];
		conversation.updatedAt = this.iso();
		return { objectId: id, updatedAt: conversation.updatedAt };
	}

	silence(id, clientId, ttlSeconds) {
		this.conversation(id);
		if (!this.temporarySilences.has(id)) this.temporarySilences.set(id, new Map());
		this.temporarySilences.get(id).set(clientId, this.now() + ttlSeconds * 1000);
	}

	unsilence(id, clientId) {
		this.conversation(id);
		this.temporarySilences.get(id)?.delete(clientId);
	}

	permanentlySilenced(id) {
		this.conversation(id);
		if (!this.permanentSilences.has(id)) this.permanentSilences.set(id, new Set());
		return this.permanentSilences.get(id);
	}

	/** Why a client may not send in a conversation right now, if it may not. */
	silencedReason(id, clientId) {
		if (this.permanentSilences.get(id)?.has(clientId)) return 'permanent';
		const expiry = this.temporarySilences.get(id)?.get(clientId);
		return expiry !== undefined && expiry > this.now() ? 'temporary' : undefined;
	}

	/** A unique, increasing timestamp, so history order is deterministic. */
	nextTimestamp() {
		const timestamp = Math.max(this.now(), this.lastTimestamp + 1);
		this.lastTimestamp = timestamp;
		return timestamp;
	}

	/** Stores a message. `toClients` marks a service conversation's per-user message; `prefix` an ID kind (sb_ broadcasts). */
	/** @param {{ transient?: boolean, toClients?: string[], prefix?: string }} [options] */
	addMessage(id, from, data, options = {}) {
		const { transient = false, toClients, prefix = '' } = options;
		const timestamp = this.nextTimestamp();
		const record = { timestamp, 'conv-id': id, data, from, 'msg-id': prefix + messageId(), 'is-conv': true, 'is-room': false, to: id, bin: false, 'from-ip': '127.0.0.1' };
		if (!transient) this.messages.get(id).push({ ...record, seq: ++this.sequence, ...(toClients ? { toClients } : {}) });
		return record;
	}

	findMessage(id, msgId, timestamp, fromClient) {
		const record = (this.messages.get(id) ?? []).find((candidate) => candidate['msg-id'] === msgId && candidate.timestamp === timestamp);
		if (!record) fail(404, 4404, 'MESSAGE_NOT_FOUND');
		if (fromClient !== undefined && record.from !== fromClient) fail(403, 4403, 'MESSAGE_OWNERSHIP_REQUIRED');
		return record;
	}

	deleteMessage(id, record) {
		const list = this.messages.get(id);
		list.splice(list.indexOf(record), 1);
	}

	/**
	 * History as documented: from a start point (timestamp, optionally msgid) towards an end point
	 * (till_timestamp/till_msgid), both excluded unless include_start/include_stop; newest first unless reversed.
	 */
	history(id, options) {
		return this.historyOf(this.messages.get(id) ?? [], options);
	}

	/** Every stored message, oldest first, optionally only those `keep` accepts (a client's, a subscriber's). */
	allMessages(keep = () => true) {
		return [...this.messages.values()].flat().filter(keep).sort((a, b) => a.seq - b.seq);
	}

	/** History semantics over any list of records kept oldest first. */
	historyOf(list, { timestamp, msgid, tillTimestamp, tillMsgid, includeStart, includeStop, reversed, limit }) {
		const point = (ts, msg) => {
			if (ts === undefined) return undefined;
			const exact = msg === undefined ? undefined : list.find((record) => record['msg-id'] === msg && record.timestamp === ts);
			return { ts, seq: exact?.seq };
		};
		// <0: record before the point in time order; 0: at it; >0: after it.
		const compare = (record, at) => (record.timestamp !== at.ts || at.seq === undefined ? Math.sign(record.timestamp - at.ts) : Math.sign(record.seq - at.seq));
		const start = point(timestamp, msgid);
		const end = point(tillTimestamp, tillMsgid);
		const beforeOrAt = (record, at, inclusive) => !at || compare(record, at) < 0 || (inclusive && compare(record, at) === 0);
		const afterOrAt = (record, at, inclusive) => !at || compare(record, at) > 0 || (inclusive && compare(record, at) === 0);

		const selected = reversed
			? list.filter((record) => afterOrAt(record, start, includeStart) && beforeOrAt(record, end, includeStop))
			: list.filter((record) => beforeOrAt(record, start, includeStart) && afterOrAt(record, end, includeStop)).reverse();
		return selected.slice(0, limit).map(({ seq, toClients, hiddenFor, ...record }) => record);
	}
}

module.exports = { Store, ApiError, fail, objectId };
