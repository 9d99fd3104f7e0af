import type { IDataObject } from 'n8n-workflow';

import { CONTENT_TYPES, typedContent } from './contentTypes';

const RENAMED: Record<string, string> = {
	'conv-id': 'conversationId',
	'msg-id': 'messageId',
	from: 'fromClient',
	data: 'content',
};

const camelCase = (key: string) => key.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());

/** Rich-content fields read out of a typed message's JSON. */
function parsedContent(data: unknown): IDataObject {
	const content = typedContent(data);
	if (!content) return {};
	// A custom type keeps its number, so workflows can tell custom types apart.
	const parsed: IDataObject = { contentType: CONTENT_TYPES[content._lctype as number] ?? content._lctype };
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
