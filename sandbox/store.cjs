'use strict';
// In-memory state of one LeanCloud IM app: conversations (the _Conversation rows), their members, push mutes
// (`mu`), temporary and permanent silences, and message history with the documented paging semantics.
const { randomBytes } = require('node:crypto');

const { ApiError, fail } = require('./failures.cjs');
const { historyOf } = require('./history.cjs');
const { matches } = require('./query.cjs');

/**
 * A _Conversation row as the sandbox keeps it: LeanCloud's fields plus whatever the caller stored.
 * @typedef {{ objectId: string, m: string[], createdAt: string, updatedAt: string, tr?: boolean, sys?: boolean, unique?: boolean, uniqueId?: string, [field: string]: any }} Conversation
 */
/**
 * A stored history record: LeanCloud's fields, plus the store's own sequence and per-user recipients.
 * @typedef {{ timestamp: number, 'conv-id': string, data: string, from: string, 'msg-id': string, seq: number, toClients?: string[], hiddenFor?: string[], [field: string]: any }} StoredRecord
 */
/** @typedef {{ timestamp?: number, msgid?: string, tillTimestamp?: number, tillMsgid?: string, includeStart?: boolean, includeStop?: boolean, reversed?: boolean, limit?: number }} HistoryOptions */

const objectId = () => randomBytes(12).toString('hex');
// Message IDs are about 22-character URL-safe strings.
const messageId = () => randomBytes(16).toString('base64url').slice(0, 22);

class Store {
	/** @param {() => number} [now] the store's clock (silences, timestamps) */
	constructor(now = Date.now) {
		this.now = now;
		/** @type {Map<string, Conversation>} */
		this.conversations = new Map();
		/** @type {Map<string, StoredRecord[]>} conversation ID -> records, oldest first */
		this.messages = new Map();
		/** @type {StoredRecord[]} every stored record, oldest first: the app-wide history without a sort per request (benchmarks store 200,000) */
		this.ordered = [];
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
		this.ordered = this.ordered.filter((record) => record['conv-id'] !== id);
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
		if (!transient) {
			const stored = { ...record, seq: ++this.sequence, ...(toClients ? { toClients } : {}) };
			this.setOf(this.messages, id, () => []).push(stored);
			this.ordered.push(stored);
		}
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
		this.ordered.splice(this.ordered.indexOf(record), 1);
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
		return historyOf(this.messages.get(id) ?? [], options);
	}

	/** Every stored message, oldest first, optionally only those `keep` accepts (a client's, a subscriber's). */
	/** @param {(record: StoredRecord) => boolean} [keep] */
	allMessages(keep = () => true) {
		return this.ordered.filter(keep);
	}
}

module.exports = { Store, objectId };
// Types for JSDoc elsewhere in the sandbox: Conversation, StoredRecord, HistoryOptions.

