'use strict';
// History paging exactly as documented, over any list of stored records (a conversation's, a client's, the app's).

/**
 * History semantics over any list of records kept oldest first: from a start point (timestamp, optionally msgid)
 * towards an end point (till_timestamp/till_msgid), both excluded unless include_start/include_stop; newest first
 * unless reversed.
 * @param {import('./store.cjs').StoredRecord[]} list
 * @param {import('./store.cjs').HistoryOptions} options
 */
function historyOf(list, { timestamp, msgid, tillTimestamp, tillMsgid, includeStart, includeStop, reversed, limit }) {
	/** @typedef {{ ts: number, seq?: number }} Point */
	/** @type {(ts: number | undefined, msg: string | undefined) => Point | undefined} */
	const point = (ts, msg) => {
		if (ts === undefined) return undefined;
		const exact = msg === undefined ? undefined : list.find((record) => record['msg-id'] === msg && record.timestamp === ts);
		return { ts, seq: exact?.seq };
	};
	// <0: record before the point in time order; 0: at it; >0: after it.
	/** @type {(record: import('./store.cjs').StoredRecord, at: Point) => number} */
	const compare = (record, at) => (record.timestamp !== at.ts || at.seq === undefined ? Math.sign(record.timestamp - at.ts) : Math.sign(record.seq - at.seq));
	const start = point(timestamp, msgid);
	const end = point(tillTimestamp, tillMsgid);
	/** @type {(record: import('./store.cjs').StoredRecord, at: Point | undefined, inclusive: boolean | undefined) => boolean} */
	const beforeOrAt = (record, at, inclusive) => !at || compare(record, at) < 0 || Boolean(inclusive && compare(record, at) === 0);
	/** @type {(record: import('./store.cjs').StoredRecord, at: Point | undefined, inclusive: boolean | undefined) => boolean} */
	const afterOrAt = (record, at, inclusive) => !at || compare(record, at) > 0 || Boolean(inclusive && compare(record, at) === 0);

	const selected = reversed
		? list.filter((record) => afterOrAt(record, start, includeStart) && beforeOrAt(record, end, includeStop))
		: list.filter((record) => beforeOrAt(record, start, includeStart) && afterOrAt(record, end, includeStop)).reverse();
	return selected.slice(0, limit).map(({ seq, toClients, hiddenFor, ...record }) => record);
}

module.exports = { historyOf };
