'use strict';
// Input checks shared by the routes, answering as LeanCloud does: 400 with code 1 for bad parameters.
const { fail } = require('./failures.cjs');

const MAX_MESSAGE_BYTES = 5 * 1024;

/** @type {(message: string) => never} */
const badParameter = (message) => fail(400, 1, message);

/**
 * @param {unknown} value
 * @param {string} name
 * @returns {string}
 */
function requiredString(value, name) {
	if (typeof value !== 'string' || value === '') return badParameter(`${name} is required.`);
	return value;
}

/**
 * @param {unknown} value
 * @param {string} name
 * @param {number} [max]
 * @returns {string[]}
 */
function clientIdList(value, name, max) {
	if (!Array.isArray(value) || value.length === 0 || value.some((id) => typeof id !== 'string' || id === '')) {
		return badParameter(`${name} must be a non-empty array of client IDs.`);
	}
	if (max !== undefined && value.length > max) badParameter(`${name} can have at most ${max} client IDs.`);
	return value;
}

/**
 * @overload
 * @param {unknown} value
 * @param {string} name
 * @param {{ min: number, max: number, fallback: number }} range
 * @returns {number}
 */
/**
 * @overload
 * @param {unknown} value
 * @param {string} name
 * @param {{ min: number, max: number }} range
 * @returns {number | undefined}
 */
/**
 * @param {unknown} value
 * @param {string} name
 * @param {{ min: number, max: number, fallback?: number }} range
 * @returns {number | undefined}
 */
function integer(value, name, { min, max, fallback }) {
	if (value === undefined || value === null || value === '') return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > max) badParameter(`${name} must be an integer between ${min} and ${max}.`);
	return number;
}

/** The original message timestamp (ms) that modify, recall and delete need. */
/**
 * @param {unknown} value
 * @returns {number}
 */
function requiredTimestamp(value) {
	const timestamp = integer(value, 'timestamp', { min: 1, max: Number.MAX_SAFE_INTEGER });
	if (timestamp === undefined) return badParameter('timestamp is required.');
	return timestamp;
}

/** @param {unknown} value */
function messageBody(value) {
	const message = requiredString(value, 'message');
	if (Buffer.byteLength(message, 'utf8') > MAX_MESSAGE_BYTES) fail(400, 4109, 'FRAME_TOO_LONG');
	return message;
}

/** @type {(value: unknown) => boolean} */
const bool = (value) => value === true || value === 'true';

/**
 * @param {Record<string, string>} query
 * @returns {Record<string, any>}
 */
function where(query) {
	if (!query.where) return {};
	try {
		return JSON.parse(query.where);
	} catch {
		return fail(400, 107, 'Malformed json object. A json dictionary is expected.');
	}
}

/** The history query parameters, shared by every history endpoint. */
/** @param {Record<string, string>} query */
function historyOptions(query) {
	/** @type {(value: unknown, name: string) => number | undefined} */
	const number = (value, name) => integer(value, name, { min: 0, max: Number.MAX_SAFE_INTEGER });
	return {
		timestamp: number(query.timestamp, 'timestamp'),
		msgid: query.msgid,
		tillTimestamp: number(query.till_timestamp, 'till_timestamp'),
		tillMsgid: query.till_msgid,
		includeStart: bool(query.include_start),
		includeStop: bool(query.include_stop),
		reversed: bool(query.reversed),
		limit: integer(query.limit, 'limit', { min: 1, max: 1000, fallback: 100 }),
	};
}

/** A `limit` + `next` page of a list (silenced and blacklist lists); the cursor is an offset, opaque to callers. */
/**
 * @param {unknown[]} all
 * @param {Record<string, string>} query
 * @param {string} key
 */
function nextCursorPage(all, query, key) {
	const limit = integer(query.limit, 'limit', { min: 1, max: 1000, fallback: 10 });
	const offset = integer(query.next, 'next', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
	/** @type {Record<string, unknown>} */
	const page = { [key]: all.slice(offset, offset + limit) };
	if (offset + limit < all.length) page.next = String(offset + limit);
	return page;
}

/** A `skip` + `limit` page (storage-style queries). */
/**
 * @param {Record<string, string>} query
 * @param {{ max?: number, fallback?: number }} [options]
 */
function skipLimit(query, { max = 1000, fallback = 100 } = {}) {
	const skip = integer(query.skip, 'skip', { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
	return { skip, limit: integer(query.limit, 'limit', { min: 1, max, fallback }) };
}

module.exports = { badParameter, requiredString, clientIdList, integer, requiredTimestamp, messageBody, bool, where, historyOptions, nextCursorPage, skipLimit };
