import type { IDataObject } from 'n8n-workflow';

import { LeanCloudFailure } from '../shared/errors/leanCloudFailure';
import { historyPages, HISTORY_PAGE_SIZE } from '../shared/paging/historyPages';
import { arrayAt } from '../shared/paging/pagers';
import { checkRecordCount, collectPages } from '../shared/paging/paginate';
import type { ListSpec } from '../shared/paging/listSpec';
import type { RtmPath } from '../shared/params/path';
import type { Send } from '../shared/sending/requestSpec';
import { settle } from '../shared/errors/settle';

/** Where a poll starts reading: a time, and the record read last when the previous poll stopped at its cap. */
export interface ReadStart {
	time: number;
	afterId?: string;
}

const timeOf = (row: unknown): number | undefined => {
	const time = (row as IDataObject | null)?.timestamp;
	return typeof time === 'number' && Number.isFinite(time) ? time : undefined;
};

/** Asked for oldest first from `from`, a page that goes back in time, or starts before `from`, was read newest first. */
function readNewestFirst(rows: unknown[], from: number): boolean {
	const times = rows.map(timeOf).filter((time): time is number => time !== undefined);
	if (times.length && times.every((time) => time < from)) return true;
	return times.some((time, index) => index > 0 && time < times[index - 1]);
}

class NewestFirst extends Error {}

/** Records of one millisecond in a fixed order (their IDs'), so a poll stopped among them resumes after the right one. */
function idOrder(a: unknown, b: unknown): number {
	const first = String((a as IDataObject | null)?.['msg-id'] ?? '');
	const second = String((b as IDataObject | null)?.['msg-id'] ?? '');
	return first < second ? -1 : first > second ? 1 : 0;
}

/**
 * Every history record at or after `start`, oldest first, at most `cap` (and whether more may wait), whatever order the
 * route answers in. Asked with `reversed=true` (oldest first, so a backlog is read a cap at a time); a route that answers
 * newest first anyway (the whole-app route has done so: its docs say only "same as history") is read the way every
 * history route supports, from the newest record back to `start`, and sorted here. That walk is bounded: a backlog it
 * cannot cross within a cap and a page fails the poll, saying what the server did, instead of reporting nothing forever.
 */
export async function historySince(send: Send, path: RtmPath, start: ReadStart, cap: number): Promise<{ rows: unknown[]; capped: boolean; newestFirst: boolean }> {
	const query: IDataObject = { reversed: true, timestamp: start.time };
	if (start.afterId) query.msgid = start.afterId;
	else query.include_start = true;
	const oldestFirst = historyPages();
	const checked: ListSpec = {
		...oldestFirst,
		items: (body) => {
			const rows = oldestFirst.items(body);
			if (readNewestFirst(rows, start.time)) throw new NewestFirst();
			return rows;
		},
	};
	const read = await settle(collectPages(send, { method: 'GET', path, query }, checked, cap));
	if (read.ok) return { rows: read.value, capped: read.value.length >= cap, newestFirst: false };
	if (!(read.error instanceof NewestFirst)) throw read.error;
	return { ...(await walkBack(send, path, start, cap)), newestFirst: true };
}

/**
 * Pages one walk back from the newest record reads at the most: a backlog of 100,000 messages, read again by every
 * poll until it is reported (each poll reports its oldest Max Items per Poll), so a route that answers newest first
 * is followed through a few minutes of a busy app's downtime, and a server that never reaches the start is stopped.
 */
export const MAX_WALK_BACK_PAGES = 100;

function walkTooLong(pages: number): LeanCloudFailure {
	return new LeanCloudFailure(
		`The history route answered newest first although asked for oldest first (reversed=true), and ${pages.toLocaleString('en-US')} pages back it had not reached the trigger's last position`,
		{
			hint: `The trigger reads such a route from the newest message back to where it stopped, at most ${MAX_WALK_BACK_PAGES} pages of ${HISTORY_PAGE_SIZE.toLocaleString('en-US')}. The position did not move: nothing was reported or skipped. To start from now instead, deactivate the workflow and activate it again.`,
		},
	);
}

/**
 * From the newest record back to `start` (newest first, the default of every history route), keeping only the oldest
 * `cap` and a page (memory stays bounded whatever the backlog), sorted oldest first.
 */
async function walkBack(send: Send, path: RtmPath, start: ReadStart, cap: number): Promise<{ rows: unknown[]; capped: boolean }> {
	const keep = cap + HISTORY_PAGE_SIZE;
	// Newest first: the oldest records read so far are at the end.
	let kept: unknown[] = [];
	let query: IDataObject = { limit: HISTORY_PAGE_SIZE };
	const cursors = new Set<string>();
	for (let pages = 0; ; pages++) {
		if (pages === MAX_WALK_BACK_PAGES) throw walkTooLong(pages);
		const rows = arrayAt(await send({ method: 'GET', path, query }));
		checkRecordCount(rows.length);
		kept = kept.concat(rows);
		if (kept.length > keep) kept = kept.slice(kept.length - keep);
		if (rows.length < HISTORY_PAGE_SIZE || rows.some((row) => (timeOf(row) ?? Infinity) < start.time)) break;
		const last = rows[rows.length - 1] as IDataObject;
		const next = { timestamp: last.timestamp as number, msgid: last['msg-id'] as string };
		const cursor = JSON.stringify(next);
		if (cursors.has(cursor)) {
			throw new LeanCloudFailure(`Paging stopped: the server repeated a page cursor (${cursor.slice(0, 80)})`, {
				hint: 'The server did not move on to an older page. Check that API Server is your app\'s LeanCloud REST domain.',
			});
		}
		cursors.add(cursor);
		query = { ...next, limit: HISTORY_PAGE_SIZE };
	}
	const since = kept
		.filter((row) => {
			const time = timeOf(row);
			// Rows without a usable time are kept for the caller to count as skipped.
			return time === undefined || time >= start.time;
		})
		.filter((row) => start.afterId === undefined || (row as IDataObject | null)?.['msg-id'] !== start.afterId);
	since.sort((a, b) => (timeOf(a) ?? 0) - (timeOf(b) ?? 0) || idOrder(a, b));
	return since.length > cap ? { rows: since.slice(0, cap), capped: true } : { rows: since, capped: false };
}
