import type { IDataObject } from 'n8n-workflow';

import type { ListSpec } from './listSpec';
import { lastRecordPages, type ItemMapper } from './pagers';

/** Largest page the history endpoints return. */
export const HISTORY_PAGE_SIZE = 1000;

/**
 * Every history endpoint pages the same way, in either order: the next page starts at the last record's
 * timestamp and ID, that record excluded (`include_start` defaults to false, and is said again when the first
 * page asked to include its start). A page shorter than asked is the last one.
 */
export function historyPages(toItem?: ItemMapper): ListSpec {
	return lastRecordPages(
		HISTORY_PAGE_SIZE,
		(last, query) => {
			const next: IDataObject = { timestamp: last.timestamp as number, msgid: last['msg-id'] as string };
			if (query.include_start !== undefined) next.include_start = false;
			return next;
		},
		toItem,
	);
}
