import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { returnAllAndLimit } from '../fields/common';
import { nestedDeeperThan } from '../params/jsonDepth';
import type { ListSpec } from '../paging/listSpec';
import { lastRecordPages } from '../paging/pagers';
import type { Params } from '../params/params';

/** Largest page the history endpoints return. */
export const HISTORY_PAGE_SIZE = 1000;

const LC_TYPE_NAMES: Record<number, string> = {
	[-1]: 'text',
	[-2]: 'image',
	[-3]: 'audio',
	[-4]: 'video',
	[-5]: 'location',
	[-6]: 'file',
	[-127]: 'recalled',
};

const RENAMED: Record<string, string> = {
	'conv-id': 'conversationId',
	'msg-id': 'messageId',
	from: 'fromClient',
	data: 'content',
};

const camelCase = (key: string) => key.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Rich-content fields read out of a typed message's JSON. */
function parsedContent(data: unknown): IDataObject {
	if (typeof data !== 'string' || !data.startsWith('{')) return {};
	let content: IDataObject;
	try {
		content = JSON.parse(data) as IDataObject;
	} catch {
		return {};
	}
	if (typeof content !== 'object' || content === null || typeof content._lctype !== 'number' || nestedDeeperThan(content)) return {};
	const parsed: IDataObject = { contentType: LC_TYPE_NAMES[content._lctype] ?? content._lctype };
	if (typeof content._lctext === 'string') parsed.text = content._lctext;
	const file = content._lcfile as IDataObject | undefined;
	if (file && typeof file.url === 'string') parsed.fileUrl = file.url;
	if (content._lcloc) parsed.location = content._lcloc;
	if (content._lcattrs) parsed.attributes = content._lcattrs;
	return parsed;
}

/** A history record with camelCase fields named as Update, Recall and Delete expect, and rich content parsed. */
export function simplifyRecord(record: IDataObject): IDataObject {
	const simple: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		// Own keys only (a record key "constructor" must not pick up Object's), and defined rather than assigned,
		// so a key "__proto__" from the server stays data instead of replacing the item's prototype.
		const name = Object.prototype.hasOwnProperty.call(RENAMED, key) ? RENAMED[key] : camelCase(key);
		Object.defineProperty(simple, name, { value, enumerable: true, writable: true, configurable: true });
	}
	return { ...simple, ...parsedContent(record.data) };
}

/**
 * History pages newest first by default: the next page starts at the last record's timestamp and ID
 * (excluded, since include_start defaults to false). A page shorter than asked is the last one.
 */
export const historyPages: ListSpec = lastRecordPages(
	HISTORY_PAGE_SIZE,
	(last) => ({ timestamp: last.timestamp as number, msgid: last['msg-id'] as string }),
	(item, p) => (p.boolean('simplify', true) ? simplifyRecord(item as IDataObject) : (item as IDataObject)),
);

/** Newest or oldest first: the order of a time-ordered list (history, subscriptions). */
export function orderField(defaultOrder: 'newestFirst' | 'oldestFirst', description: string): INodeProperties {
	return {
		displayName: 'Order',
		name: 'order',
		type: 'options',
		default: defaultOrder,
		options: [
			{ name: 'Newest First', value: 'newestFirst' },
			{ name: 'Oldest First', value: 'oldestFirst' },
		],
		description,
	};
}

/** Return All + Limit, Simplify and the time window: the fields of every history operation. */
export const historyFields: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return camelCase fields (messageId, timestamp, fromClient, content) with rich content parsed (contentType, text, fileUrl, location), instead of the raw records',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Order and time window of the history',
		options: [
			{ displayName: 'After', name: 'after', type: 'dateTime', default: '', description: 'Only messages sent after this time' },
			{ displayName: 'Before', name: 'before', type: 'dateTime', default: '', description: 'Only messages sent before this time' },
			orderField('newestFirst', 'Order of the returned messages'),
		],
	},
];

/** The first page's query for the item's order and time window (the same parameters on every history endpoint). */
export function historyQuery(p: Params): IDataObject {
	const options = p.collection('options');
	const after = options.timestampMs('after');
	const before = options.timestampMs('before');
	if (after !== undefined && before !== undefined && after >= before) {
		options.fail('after', 'must be earlier than Before');
	}
	// The API pages from a start point towards an end point; which bound is which depends on the order.
	const oldestFirst = options.string('order') === 'oldestFirst';
	const [start, end] = oldestFirst ? [after, before] : [before, after];
	const query: IDataObject = {};
	if (oldestFirst) query.reversed = true;
	if (start !== undefined) query.timestamp = start;
	if (end !== undefined) query.till_timestamp = end;
	return query;
}
