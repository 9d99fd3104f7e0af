import type { IDataObject } from 'n8n-workflow';

import { nestedDeeperThan } from '../params/jsonDepth';

/**
 * LeanCloud's typed messages (`_lctype`), the one table both nodes use: the action node's Simplify names the
 * type (`contentType`) with it, the trigger's Message Types filter matches on the same names.
 */
export const CONTENT_TYPES: Readonly<Record<number, string>> = {
	[-1]: 'text',
	[-2]: 'image',
	[-3]: 'audio',
	[-4]: 'video',
	[-5]: 'location',
	[-6]: 'file',
	[-127]: 'recalled',
};

/** Content that is not one of the types above: plain text, or a custom typed message. */
export const PLAIN_TEXT = 'text';
export const CUSTOM_TYPE = 'other';

/** A typed message's JSON, or undefined for plain text (and for anything too deep to be content). */
export function typedContent(data: unknown): IDataObject | undefined {
	if (typeof data !== 'string' || !data.startsWith('{')) return undefined;
	let content: unknown;
	try {
		content = JSON.parse(data);
	} catch {
		return undefined;
	}
	if (typeof content !== 'object' || content === null || typeof (content as IDataObject)._lctype !== 'number' || nestedDeeperThan(content)) return undefined;
	return content as IDataObject;
}

/** The type name of a message's content: a typed message's name, `other` for custom types, `text` for plain text. */
export function contentTypeOf(data: unknown): string {
	const content = typedContent(data);
	if (!content) return PLAIN_TEXT;
	return CONTENT_TYPES[content._lctype as number] ?? CUSTOM_TYPE;
}
