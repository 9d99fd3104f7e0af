'use strict';
// In-memory state of one LeanCloud IM app: conversations (the _Conversation rows), their members, push mutes
// (`mu`), temporary and permanent silences, and message history with the documented paging semantics.
const { randomBytes } = require('node:crypto');

/**
 * A _Conversation row as the sandbox keeps it: LeanCloud's fields plus whatever the caller stored.
 * @typedef {{ objectId: string, m: string[], createdAt: string, updatedAt: string, tr?: boolean, sys?: boolean, unique?: boolean, uniqueId?: string, [field: string]: any }} Conversation
 */
/**
 * A stored history record: LeanCloud's fields, plus the store's own sequence and per-user recipients.
 * @typedef {{ timestamp: number, 'conv-id': string, data: string, from: string, 'msg-id': string, seq: number, toClients?: string[], hiddenFor?: string[], [field: string]: any }} StoredRecord
 */
/** @typedef {{ timestamp?: number, msgid?: string, tillTimestamp?: number, tillMsgid?: string, includeStart?: boolean, includeStop?: boolean, reversed?: boolean, limit?: number }} HistoryOptions */

class ApiError extends Error {
	/**
	 * @param {number} status
	 * @param {number} code
	 * @param {string} error
	 */
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

/**
 * @param {any} doc
 * @param {string} path
 * @returns {any}
 */
function fieldValue(doc, path) {
	return path.split('.').reduce((/** @type {any} */ value, key) => (value === undefined || value === null ? undefined : value[key]), doc);
}

/** @type {(a: unknown, b: unknown) => boolean} */
const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

/** A LeanCloud Date operand ({"__type": "Date", "iso": …}) compares as its ISO text, as stored dates are kept here. */
/** @type {(operand: any) => any} */
const operandValue = (operand) =>
	typeof operand === 'object' && operand !== null && operand.__type === 'Date' && typeof operand.iso === 'string' ? operand.iso : operand;

/**
 * @param {any} value
 * @param {any} condition
 * @returns {boolean}
 */
function matchesCondition(value, condition) {
	const isOperatorObject =
		typeof condition === 'object' && condition !== null && !Array.isArray(condition) && Object.keys(condition).some((key) => key.startsWith('$'));
	if (!isOperatorObject) return Array.isArray(value) && !Array.isArray(condition) ? value.some((entry) => same(entry, condition)) : same(value, condition);
	return Object.entries(condition).every(([operator, /** @type {any} */ operand]) => {
		const values = Array.isArray(value) ? value : [value];
		switch (operator) {
			case '$regex':
				return values.some((entry) => typeof entry === 'string' && new RegExp(operand, condition.$options ?? '').test(entry));
			case '$options':
				return true;
			case '$in':
				return values.some((entry) => operand.some((/** @type {unknown} */ candidate) => same(entry, candidate)));
			case '$nin':
				return !values.some((entry) => operand.some((/** @type {unknown} */ candidate) => same(entry, candidate)));
			case '$ne':
				return !matchesCondition(value, operand);
			case '$exists':
				return (value !== undefined) === Boolean(operand);
			case '$all':
				return Array.isArray(value) && operand.every((/** @type {unknown} */ candidate) => value.some((entry) => same(entry, candidate)));
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

/**
 * @param {any} doc
 * @param {Record<string, any>} where
 * @returns {boolean}
 */
function matches(doc, where) {
	return Object.entries(where).every(([field, condition]) => {
		if (field === '$or') return condition.some((/** @type {Record<string, any>} */ part) => matches(doc, part));
		if (field === '$and') return condition.every((/** @type {Record<string, any>} */ part) => matches(doc, part));
		return matchesCondition(fieldValue(doc, field), condition);
	});
}

// ---- the store ----

class Store {
	/** @param {() => number} [now] the store's clock (silences, timestamps) */
	constructor(now = Date.now) {
		this.now = now;
		/** @type {Map<string, Conversation>} */
		this.conversations = new Map();
		/** @type {Map<string, StoredRecord[]>} conversation ID -> records, oldest first */
		this.messages = new Map();
		/** @type {Map<string, Map<string, number>>} conversation ID -> Map(client ID -> expiry ms) */
		this.temporarySilences = new Map();
		/** @type {Map<string, Set<string>>} conversation ID -> Set(client ID) */
		this.permanentSilences = new Map();
		/** @type {Map<string, Map<string, { clientId: string, role: string, objectId: string }>>} conversation ID -> Map(info ID -> entry) */
		this.memberInfos = new Map();
		/** @type {Map<string, Set<string>>} conversation ID -> Set(client ID) */
		this.blacklists = new Map();
		/** @type {Map<string, Map<string, number>>} service conversation ID -> Map(client ID -> subscription ms) */
		this.subscribers = new Map();
		/** @type {Map<string, Set<string>>} client ID -> Set(conversation ID), the client's own blacklist */
		this.clientBlocks = new Map();
		/** @type {Set<string>} client IDs online now (seeded by tests and the demo; no WebSocket here) */
		this.online = new Set();
		/** @type {Array<{ clientId: string, reason?: string }>} */
		this.kicked = [];
		/** @type {Array<{ 'msg-id': string, conv_id: string, from: string, message: string, timestamp: number, valid_till: number, [field: string]: any }>} app-wide broadcasts */
		this.broadcasts = [];
		this.lastTimestamp = 0;
		this.sequence = 0;
	}

	/** The endpoint collection a conversation belongs to, from its tr (chat room) and sys (service) flags. */
	/** @param {Conversation} conversation */
	static collectionOf(conversation) {
		if (conversation.tr) return 'chatrooms';
		if (conversation.sys) return 'service-conversations';
		return 'conversations';
	}

	/** A conversation addressed through a collection's path: one of another kind is not found there. */
	/**
	 * @param {string} id
	 * @param {string} collection
	 * @param {() => never} [notFound]
	 * @returns {Conversation}
	 */
	ofKind(id, collection, notFound = () => fail(404, 101, 'Object not found.')) {
		const conversation = this.conversations.get(id);
		return conversation && Store.collectionOf(conversation) === collection ? conversation : notFound();
	}

	/** The set of a per-conversation map entry, created on first use. */
	/**
	 * @template T
	 * @param {Map<string, T>} map
	 * @param {string} id
	 * @param {() => T} make
	 * @returns {T}
	 */
	setOf(map, id, make) {
		if (!map.has(id)) map.set(id, make());
		return /** @type {T} */ (map.get(id));
	}

	iso() {
		return new Date(this.now()).toISOString();
	}

	/**
	 * @param {string} id
	 * @param {() => never} [notFound]
	 * @returns {Conversation}
	 */
	conversation(id, notFound = () => fail(404, 101, 'Object not found.')) {
		return this.conversations.get(id) ?? notFound();
	}

	/** Creates a conversation; `id` fixes its objectId (for seeded demo data). */
	/**
	 * @param {Record<string, any>} fields
	 * @param {string} [id]
	 * @returns {Conversation}
	 */
	createConversation(fields, id = objectId()) {
		const members = Array.isArray(fields.m) ? [...new Set(fields.m.map(String))].slice(0, 500) : [];
		if (fields.unique) {
			const key = [...members].sort().join('\n');
			for (const existing of this.conversations.values()) {
				if (existing.unique && !existing.tr && !existing.sys && [...existing.m].sort().join('\n') === key) return existing;
			}
		}
		const now = this.iso();
		/** @type {Conversation} */
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
	 * @param {Record<string, any>} where
	 * @param {number} skip
	 * @param {number} limit
	 * @param {(conversation: Conversation) => boolean} [filter]
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

	/**
	 * @param {string} id
	 * @param {Record<string, any>} fields
	 */
	update(id, fields) {
		const conversation = this.conversation(id);
		Object.assign(conversation, fields, { updatedAt: this.iso() });
		return { objectId: id, updatedAt: conversation.updatedAt };
	}

	/** @param {string} id */
	deleteConversation(id) {
		this.conversation(id);
		this.conversations.delete(id);
		this.messages.delete(id);
		for (const map of [this.temporarySilences, this.permanentSilences, this.memberInfos, this.blacklists, this.subscribers]) map.delete(id);
	}

	/** Adds or removes client IDs in an array field (`m` members, `mu` push mutes). */
	/**
	 * @param {string} id
	 * @param {'m' | 'mu'} field
	 * @param {string[]} clientIds
	 * @param {boolean} add
	 */
	changeList(id, field, clientIds, add) {
		const conversation = this.conversation(id);
		const current = new Set(conversation[field] ?? []);
		for (const clientId of clientIds) add ? current.add(clientId) : current.delete(clientId);
		if (field === 'm' && current.size > 500) fail(400, 4304, 'CONVERSATION_FULL');
		conversation[field] = [...current];
		conversation.updatedAt = this.iso();
		return { objectId: id, updatedAt: conversation.updatedAt };
	}

	/**
	 * @param {string} id
	 * @param {string} clientId
	 * @param {number} ttlSeconds
	 */
	silence(id, clientId, ttlSeconds) {
		this.conversation(id);
		this.setOf(this.temporarySilences, id, () => new Map()).set(clientId, this.now() + ttlSeconds * 1000);
	}

	/**
	 * @param {string} id
	 * @param {string} clientId
	 */
	unsilence(id, clientId) {
		this.conversation(id);
		this.temporarySilences.get(id)?.delete(clientId);
	}

	/** @param {string} id */
	permanentlySilenced(id) {
		this.conversation(id);
		return this.setOf(this.permanentSilences, id, () => new Set());
	}

	/** Why a client may not send in a conversation right now, if it may not. */
	/**
	 * @param {string} id
	 * @param {string} clientId
	 */
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

	/**
	 * Stores a message. `toClients` marks a service conversation's per-user message; `prefix` an ID kind (sb_ broadcasts).
	 * @param {string} id
	 * @param {string} from
	 * @param {string} data
	 * @param {{ transient?: boolean, toClients?: string[], prefix?: string }} [options]
	 */
	addMessage(id, from, data, options = {}) {
		const { transient = false, toClients, prefix = '' } = options;
		const timestamp = this.nextTimestamp();
		const record = { timestamp, 'conv-id': id, data, from, 'msg-id': prefix + messageId(), 'is-conv': true, 'is-room': false, to: id, bin: false, 'from-ip': '127.0.0.1' };
		if (!transient) this.setOf(this.messages, id, () => []).push({ ...record, seq: ++this.sequence, ...(toClients ? { toClients } : {}) });
		return record;
	}

	/**
	 * @param {string} id
	 * @param {string} msgId
	 * @param {number} timestamp
	 * @param {string} [fromClient]
	 * @returns {StoredRecord}
	 */
	findMessage(id, msgId, timestamp, fromClient) {
		const record = (this.messages.get(id) ?? []).find((candidate) => candidate['msg-id'] === msgId && candidate.timestamp === timestamp);
		if (!record) return fail(404, 4404, 'MESSAGE_NOT_FOUND');
		if (fromClient !== undefined && record.from !== fromClient) fail(403, 4403, 'MESSAGE_OWNERSHIP_REQUIRED');
		return record;
	}

	/**
	 * @param {string} id
	 * @param {StoredRecord} record
	 */
	deleteMessage(id, record) {
		const list = this.setOf(this.messages, id, () => []);
		list.splice(list.indexOf(record), 1);
	}

	/**
	 * History as documented: from a start point (timestamp, optionally msgid) towards an end point
	 * (till_timestamp/till_msgid), both excluded unless include_start/include_stop; newest first unless reversed.
	 */
	/**
	 * @param {string} id
	 * @param {HistoryOptions} options
	 */
	history(id, options) {
		return this.historyOf(this.messages.get(id) ?? [], options);
	}

	/** Every stored message, oldest first, optionally only those `keep` accepts (a client's, a subscriber's). */
	/** @param {(record: StoredRecord) => boolean} [keep] */
	allMessages(keep = () => true) {
		return [...this.messages.values()].flat().filter(keep).sort((a, b) => a.seq - b.seq);
	}

	/** History semantics over any list of records kept oldest first. */
	/**
	 * @param {StoredRecord[]} list
	 * @param {HistoryOptions} options
	 */
	historyOf(list, { timestamp, msgid, tillTimestamp, tillMsgid, includeStart, includeStop, reversed, limit }) {
		/** @typedef {{ ts: number, seq?: number }} Point */
		/** @type {(ts: number | undefined, msg: string | undefined) => Point | undefined} */
		const point = (ts, msg) => {
			if (ts === undefined) return undefined;
			const exact = msg === undefined ? undefined : list.find((record) => record['msg-id'] === msg && record.timestamp === ts);
			return { ts, seq: exact?.seq };
		};
		// <0: record before the point in time order; 0: at it; >0: after it.
		/** @type {(record: StoredRecord, at: Point) => number} */
		const compare = (record, at) => (record.timestamp !== at.ts || at.seq === undefined ? Math.sign(record.timestamp - at.ts) : Math.sign(record.seq - at.seq));
		const start = point(timestamp, msgid);
		const end = point(tillTimestamp, tillMsgid);
		/** @type {(record: StoredRecord, at: Point | undefined, inclusive: boolean | undefined) => boolean} */
		const beforeOrAt = (record, at, inclusive) => !at || compare(record, at) < 0 || Boolean(inclusive && compare(record, at) === 0);
		/** @type {(record: StoredRecord, at: Point | undefined, inclusive: boolean | undefined) => boolean} */
		const afterOrAt = (record, at, inclusive) => !at || compare(record, at) > 0 || Boolean(inclusive && compare(record, at) === 0);

		const selected = reversed
			? list.filter((record) => afterOrAt(record, start, includeStart) && beforeOrAt(record, end, includeStop))
			: list.filter((record) => beforeOrAt(record, start, includeStart) && afterOrAt(record, end, includeStop)).reverse();
		return selected.slice(0, limit).map(({ seq, toClients, hiddenFor, ...record }) => record);
	}
}

module.exports = { Store, ApiError, fail, objectId };
// Types for JSDoc elsewhere in the sandbox: Conversation, StoredRecord, HistoryOptions.

