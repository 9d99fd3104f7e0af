import type { IDataObject } from 'n8n-workflow';

import { parseUrl } from '../transport/parseUrl';

/** `format` of a file: its extension, lower case, without the dot (what file messages carry in `metaData.format`). */
export function formatOf(name: string): string {
	const match = /\.([a-z0-9]{1,10})$/i.exec(name);
	return match ? match[1].toLowerCase() : '';
}

/** The last part of a URL's path, decoded: a file's name when none is given; empty when the URL has none. */
export function nameFromUrl(url: string): string {
	const parsed = parseUrl(url);
	if (!parsed) return '';
	const last = parsed.pathname.split('/').filter(Boolean).pop() ?? '';
	try {
		return decodeURIComponent(last);
	} catch {
		return last;
	}
}

/**
 * The body of `POST /1.1/files` registering a file that stays at its own URL (an "external" file, as LeanCloud's SDKs
 * send it): LeanCloud stores the address, never the bytes.
 */
export function externalFileBody(url: string, name: string, mimeType?: string): IDataObject {
	const body: IDataObject = { name, url, metaData: { __source: 'external', owner: 'unknown' } };
	if (mimeType) body.mime_type = mimeType;
	return body;
}
