/**
 * Where the trigger stopped, kept in the workflow's static data between polls. Pure functions over plain
 * data (static data is stored as JSON), so the rules are tested without n8n.
 *
 * - `position` is the newest time reported so far (message timestamp in ms, or createdAt in ms).
 * - Each poll reads again from `position - OVERLAP_MS`: records that share the boundary time, or that the
 *   server indexed late, are still seen. `seen` remembers the IDs reported in that window, so none is
 *   reported twice.
 * - A poll that reached its cap leaves `resume` (the last record read): the next poll goes on exactly after
 *   it, so nothing beyond the cap is dropped.
 */
export const OVERLAP_MS = 5_000;

/** IDs remembered for the overlap window; past this, the oldest go (and `floor` keeps them from coming back). */
export const MAX_SEEN = 2_000;

export interface Cursor {
	/** What this cursor follows (event, scope and target): a changed configuration starts afresh. */
	key: string;
	position: number;
	/** The last record read when a poll stopped at its cap: the next one starts right after it. */
	resume?: { time: number; id: string };
	/** [id, time] of records reported within the overlap window, newest last. */
	seen: Array<[string, number]>;
	/**
	 * Records older than this are not reported: they were before the start (now, or Start From), or were
	 * reported before and their IDs let go to bound memory.
	 */
	floor?: number;
}

/** A cursor that reports what comes at or after `position` (now, or Start From): the overlap never reaches before it. */
export function startCursor(key: string, position: number): Cursor {
	return { key, position, seen: [], floor: position };
}

/** Where the next read starts: right after the capped record, or the overlap window before the position. */
export function readFrom(cursor: Cursor): { time: number; afterId?: string } {
	return cursor.resume ? { time: cursor.resume.time, afterId: cursor.resume.id } : { time: Math.max(0, cursor.position - OVERLAP_MS) };
}

export interface Record {
	id: string;
	time: number;
}

/**
 * The records of one poll that were not reported before, and the cursor after it. `records` are in time
 * order (oldest first), each ID once, each time finite (callers drop the rest); `capped` says the poll stopped at
 * its cap with more possibly waiting; `now` is the poll's own time. The position never moves back, and never past
 * `now`: a record stamped later (a server clock ten years ahead) is still reported, once (its ID stays in `seen` while
 * it is inside the overlap window, which it is while it lies ahead), but hides no message sent after this poll.
 */
export function advance<T extends Record>(cursor: Cursor, records: T[], capped: boolean, now: number): { fresh: T[]; next: Cursor } {
	const seen = new Map(cursor.seen);
	// Older than where this poll asked to start: reported before (or before the start). A server that sends them
	// anyway does not get them reported twice.
	const from = readFrom(cursor).time;
	const fresh = records.filter((record) => !seen.has(record.id) && record.time >= from && (cursor.floor === undefined || record.time >= cursor.floor));
	for (const record of fresh) seen.set(record.id, record.time);
	const limit = now;
	const newest = Math.max(cursor.position, Math.min(limit, records.reduce((max, record) => Math.max(max, record.time), cursor.position)));
	// A capped poll goes on right after its last record, unless that one lies ahead of now (then from the position).
	const last = records.length && records[records.length - 1].time <= limit ? records[records.length - 1] : undefined;

	// Keep the IDs inside the next overlap window, newest last, at most MAX_SEEN of them.
	const windowStart = newest - OVERLAP_MS;
	let kept = [...seen.entries()].filter(([, time]) => time >= windowStart).sort((a, b) => a[1] - b[1]);
	let floor = cursor.floor !== undefined && cursor.floor >= windowStart ? cursor.floor : undefined;
	if (kept.length > MAX_SEEN) {
		const dropped = kept.length - MAX_SEEN;
		floor = Math.max(floor ?? 0, kept[dropped][1]);
		kept = kept.slice(dropped);
	}
	const next: Cursor = { key: cursor.key, position: newest, seen: kept };
	if (floor !== undefined) next.floor = floor;
	if (capped && last) next.resume = { time: last.time, id: last.id };
	return { fresh, next };
}
