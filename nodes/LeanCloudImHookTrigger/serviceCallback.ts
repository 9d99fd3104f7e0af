import type { IDataObject } from 'n8n-workflow';

import { contentFields } from './contentFields';
import type { SeenIds } from './seen';

/** The most messages one callback may carry: LeanCloud batches a few; more is a broken or hostile sender. */
export const MAX_CALLBACK_MESSAGES = 10_000;

/**
 * One message of a service-conversation callback (LeanCloud: a JSON array of `_SysMessage`-like rows: `fromIp`,
 * `conv` pointer, `msgId`, `from`, `bin`, `data`, `createdAt`), under the polling trigger's names.
 */
function messageItem(row: IDataObject): IDataObject {
	const conv = row.conv as IDataObject | undefined;
	const createdAt = row.createdAt as IDataObject | string | undefined;
	const iso = typeof createdAt === 'string' ? createdAt : typeof createdAt?.iso === 'string' ? createdAt.iso : undefined;
	return {
		conversationId: conv?.objectId,
		fromClient: row.from,
		messageId: row.msgId,
		content: row.data,
		bin: row.bin,
		...contentFields(row.data, row.bin),
		timestamp: iso === undefined ? undefined : Date.parse(iso),
		fromIp: row.fromIp,
		createdAt: row.createdAt,
	};
}

/**
 * The messages of a callback not reported before, as items: one per message, or one holding the batch. LeanCloud
 * retries a batch up to 3 times; each `msgId` is reported once (remembered for an hour). Undefined when nothing is new.
 */
export function callbackItems(body: unknown, seen: SeenIds, scope: string, now: number, perBatch: boolean): IDataObject[] | undefined {
	const rows = (Array.isArray(body) ? body : [body]).filter((row): row is IDataObject => typeof row === 'object' && row !== null && !Array.isArray(row));
	const fresh = rows.filter((row) => typeof row.msgId !== 'string' || !seen.seenBefore(`${scope}|${row.msgId}`, now)).map(messageItem);
	if (fresh.length === 0) return undefined;
	return perBatch ? [{ messages: fresh, count: fresh.length }] : fresh;
}
