import type { IDataObject } from 'n8n-workflow';

import type { OperationDef } from '../../engine/operation';
import { storage } from '../../../shared/params/path';
import { formatOf } from '../../../shared/files/upload';

/** The last path segment of a URL, decoded: the file's name when none is given. */
function nameFromUrl(url: URL): string {
	const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
	try {
		return decodeURIComponent(last);
	} catch {
		return last;
	}
}

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

export const createFromUrl: OperationDef = {
	value: 'createFromUrl',
	name: 'Create From URL',
	action: 'Create a file from a URL',
	description: 'Register a file that stays at its own public URL as a LeanCloud file (no bytes are copied), so file messages can carry its ID',
	key: 'appOrMaster',
	properties: [
		{
			displayName: 'File URL',
			name: 'fileUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://example.com/invoice.pdf',
			description: 'Public address of the file; LeanCloud stores the address only, so the file must stay there',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			description: 'The file\'s name and type, and how the request is retried and timed out',
			options: [
				{
					displayName: 'File Name',
					name: 'fileName',
					type: 'string',
					default: '',
					placeholder: 'e.g. invoice.pdf',
					description: 'Name of the file, with its extension; the last part of the URL when empty',
				},
				{
					displayName: 'MIME Type',
					name: 'mimeType',
					type: 'string',
					default: '',
					placeholder: 'e.g. application/pdf',
					description: 'Type of the file; LeanCloud derives it from the name\'s extension when empty',
				},
			],
		},
	],
	request(p) {
		const text = p.requiredString('fileUrl').trim();
		const url = parseUrl(text) ?? p.fail('fileUrl', 'is not a valid address', 'Give the full address, e.g. https://example.com/invoice.pdf.');
		if (url.protocol !== 'https:' && url.protocol !== 'http:') p.fail('fileUrl', `must start with https:// (got ${url.protocol})`);
		const options = p.collection('options');
		const name = options.string('fileName').trim() || nameFromUrl(url);
		const body: IDataObject = { name, url: url.href, metaData: { __source: 'external', owner: 'unknown' } };
		const mimeType = options.string('mimeType').trim();
		if (mimeType) body.mime_type = mimeType;
		return { method: 'POST', path: storage`files`, body };
	},
	output(body, p) {
		const answer = (body ?? {}) as IDataObject;
		const request = this.request?.(p).body as IDataObject;
		return { objectId: answer.objectId, createdAt: answer.createdAt, url: request.url, name: request.name, format: formatOf(String(request.name)), mimeType: request.mime_type ?? '' };
	},
};
