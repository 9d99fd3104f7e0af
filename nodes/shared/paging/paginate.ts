import type { IDataObject } from 'n8n-workflow';

import type { RequestSpec, Send } from '../sending/requestSpec';
import type { ListSpec } from './listSpec';
import { LeanCloudFailure } from '../errors/leanCloudFailure';

function pagingStuck(what: string, kept: number): LeanCloudFailure {
	return new LeanCloudFailure(`Paging stopped: ${what} (after ${kept} records)`, {
		hint: 'The server did not move on to a new page, so Return All would never end. Check that API Server is your app\'s LeanCloud REST domain, or turn off Return All and set a Limit.',
	});
}

/** Pages one walk reads at the most unless the caller says otherwise (Options > Max Pages on Get Many operations). */
export const DEFAULT_MAX_PAGES = 1000;

/**
 * Records one answer may carry. LeanCloud's largest pages hold 1,000 (histories, conversation queries) and its
 * whole-list answers a few hundred (members: 500 at most); an answer with more is no LeanCloud answer, and its
 * records are not turned into items (16 MB of tiny records would be two million of them).
 */
export const MAX_RECORDS_PER_ANSWER = 10_000;

/** Fails on an answer holding more records than any LeanCloud list gives. */
export function checkRecordCount(count: number): void {
	if (count <= MAX_RECORDS_PER_ANSWER) return;
	throw new LeanCloudFailure(`One answer held ${count.toLocaleString('en-US')} records, more than the ${MAX_RECORDS_PER_ANSWER.toLocaleString('en-US')} any LeanCloud list gives`, {
		hint: 'Check that API Server is your app\'s LeanCloud REST API domain.',
	});
}

/**
 * Walks a list endpoint until `limit` items are collected (Infinity = all) or the declaration's `nextPage`
 * says the end is reached. Asks for no more than still needed, never spends a request on a page known to
 * be empty, and leaves the caller's request untouched. Memory grows with the items kept only. A server that
 * repeats a cursor or a page (a proxy, a misbehaving host) stops the walk with an error instead of looping, and
 * one that gives new pages forever meets `maxPages`: a bound no answer can move. One answer's records are
 * bounded too (MAX_RECORDS_PER_ANSWER).
 */
export async function collectPages(
	send: Send,
	first: RequestSpec,
	list: ListSpec,
	limit: number,
	maxPages = DEFAULT_MAX_PAGES,
	/** Told how many records each page added, before the next page is asked for (a run-wide output bound may throw). */
	onKept?: (count: number) => void,
): Promise<unknown[]> {
	const kept: unknown[] = [];
	let pages = 0;
	let query: IDataObject = { ...(first.query ?? {}) };
	const cursorsSeen = new Set<string>();
	let previousLast: string | undefined;
	for (;;) {
		const remaining = limit - kept.length;
		const asked = Math.min(remaining, list.pageSize);
		if (list.limitParam && Number.isFinite(asked)) query[list.limitParam] = asked;

		if (pages === maxPages) {
			throw new LeanCloudFailure(`Return All stopped after ${maxPages.toLocaleString('en-US')} pages (${kept.length.toLocaleString('en-US')} records) and the server still had more`, {
				hint: 'Narrow the query (a Filter, or After and Before on histories), or turn off Return All and set a Limit. Options > Max Pages raises the bound if you do need more.',
			});
		}
		pages += 1;
		const body = await send({ ...first, query });
		const items = list.items(body);
		checkRecordCount(items.length);
		const before = kept.length;
		for (const item of items) {
			if (kept.length >= limit) break;
			kept.push(item);
		}
		onKept?.(kept.length - before);

		if (kept.length >= limit || items.length === 0 || !list.nextPage) return kept;
		const last = JSON.stringify(items[items.length - 1]);
		if (last === previousLast) throw pagingStuck('the server returned a page ending with the same record as the page before', kept.length);
		previousLast = last;
		const next = list.nextPage(body, items, query);
		if (!next) return kept;
		const cursor = JSON.stringify(next);
		if (cursorsSeen.has(cursor)) throw pagingStuck(`the server repeated a page cursor (${cursor.slice(0, 80)})`, kept.length);
		cursorsSeen.add(cursor);
		query = { ...query, ...next };
	}
}
