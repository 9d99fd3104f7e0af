import type { IDataObject } from 'n8n-workflow';

import { ALL_KINDS, CONVERSATION_PAGE_SIZE, type ConversationKind } from '../shared/conversations/kinds';
import { collectPages } from '../shared/paging/paginate';
import { skipLimitPages } from '../shared/paging/pagers';
import type { Params } from '../shared/params/params';
import { rtm } from '../shared/params/path';
import type { Send } from '../shared/sending/requestSpec';
import { advance, readFrom, type Cursor } from './cursor';
import { KIND_VALUES, maxPerPoll } from './fields';
import type { PollResult } from './pollResult';
import { followable, type Followed } from './records';

/** Most rows read per kind in one poll: rows are sorted here (the API documents no order), so a poll reads them all up to this. */
const MAX_ROWS_PER_KIND = 10_000;

function chosenKinds(p: Params): ConversationKind[] {
	const values = (p.raw('conversationTypes') as string[] | undefined) ?? [...KIND_VALUES];
	if (!Array.isArray(values) || values.length === 0) p.fail('conversationTypes', 'needs at least one type');
	for (const value of values) {
		if (!(KIND_VALUES as readonly string[]).includes(value)) p.fail('conversationTypes', `has an unknown type "${String(value)}"`);
	}
	return ALL_KINDS.filter((kind) => values.includes(kind.value));
}

export function conversationKey(p: Params): string {
	return `conversation:${chosenKinds(p)
		.map((kind) => kind.value)
		.sort()
		.join(',')}`;
}

/** LeanCloud's storage date operand. */
const date = (ms: number) => ({ __type: 'Date', iso: new Date(ms).toISOString() });

/**
 * Rows of the chosen kinds created at or after `since`, oldest first (sorted here by createdAt then objectId:
 * the API documents `where`/`skip`/`limit` only, so `order` is asked for but not relied on), each with its
 * Conversation Type; and how many rows were dropped as unusable (no object, no sane objectId or createdAt).
 */
async function createdSince(send: Send, kinds: ConversationKind[], since: number, order: 'createdAt' | '-createdAt', perKind: number) {
	const rows: Array<Followed<IDataObject>> = [];
	let skipped = 0;
	for (const kind of kinds) {
		const query: IDataObject = { where: JSON.stringify({ createdAt: { $gte: date(since) } }), order };
		const page = await collectPages(send, { method: 'GET', path: rtm`${kind.collection}`, query }, skipLimitPages('results', CONVERSATION_PAGE_SIZE), perKind);
		const usable = followable(page, (row) => row.objectId, (row) => Date.parse(String(row.createdAt)));
		skipped += usable.skipped;
		for (const entry of usable.records) rows.push({ ...entry, record: { ...entry.record, conversationType: kind.value } });
	}
	rows.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return { rows, skipped };
}

/** One poll: every conversation created since the cursor (up to the cap, the rest next time), each reported once. */
export async function pollConversations(send: Send, p: Params, cursor: Cursor, now: number): Promise<PollResult> {
	const cap = maxPerPoll(p);
	const { rows, skipped } = await createdSince(send, chosenKinds(p), readFrom(cursor).time, 'createdAt', MAX_ROWS_PER_KIND);
	// Past the cap, the poll reports the oldest `cap` rows it has not reported yet and resumes at the last one.
	const reported = new Set(cursor.seen.map(([id]) => id));
	const reportable = rows.filter((row) => !reported.has(row.id));
	const capped = reportable.length > cap;
	const taken = capped ? rows.slice(0, rows.indexOf(reportable[cap - 1]) + 1) : rows;
	const { fresh, next } = advance(cursor, taken, capped, now);
	const behindMs = capped ? Math.max(0, now - (next.resume?.time ?? next.position)) : undefined;
	return { items: fresh.map((entry) => entry.record), next, skipped, behindMs };
}

/** Manual mode: the most recently created conversation of the chosen kinds. */
export async function latestConversations(send: Send, p: Params): Promise<IDataObject[]> {
	const { rows } = await createdSince(send, chosenKinds(p), 0, '-createdAt', 10);
	const newest = rows[rows.length - 1];
	return newest ? [newest.record] : [];
}
