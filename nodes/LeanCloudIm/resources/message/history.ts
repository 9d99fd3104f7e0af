import type { IDataObject } from 'n8n-workflow';

import type { ListSpec } from '../../engine/operation';

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
	if (typeof content._lctype !== 'number') return {};
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
	for (const [key, value] of Object.entries(record)) simple[RENAMED[key] ?? camelCase(key)] = value;
	return { ...simple, ...parsedContent(record.data) };
}

/**
 * History pages newest first by default: the next page starts at the last record's timestamp and ID
 * (excluded, since include_start defaults to false). A page shorter than asked is the last one.
 */
export const historyPages: ListSpec = {
	pageSize: HISTORY_PAGE_SIZE,
	limitParam: 'limit',
	items: (body) => (Array.isArray(body) ? body : []),
	nextPage(_body, items, query) {
		if (items.length < Number(query.limit)) return undefined;
		const last = items[items.length - 1] as IDataObject;
		return { timestamp: last.timestamp as number, msgid: last['msg-id'] as string };
	},
	toItem: (item, p) => (p.boolean('simplify', true) ? simplifyRecord(item as IDataObject) : (item as IDataObject)),
};
