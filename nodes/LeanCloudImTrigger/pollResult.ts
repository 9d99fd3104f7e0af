import type { IDataObject } from 'n8n-workflow';

import type { Cursor } from './cursor';

/** What one poll found: the items, the cursor after it, and what its log should say. */
export interface PollResult {
	items: IDataObject[];
	next: Cursor;
	/** Records dropped as unusable (no object, no sane ID or timestamp, a repeated ID). */
	skipped: number;
	/** Set when the poll stopped at Max Items per Poll: how far behind the newest record read it is, in ms. */
	behindMs?: number;
	/** Whether the route answered newest first although asked oldest first (read from the newest back instead). */
	newestFirst?: boolean;
}
