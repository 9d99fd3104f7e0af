import type { IDataObject } from 'n8n-workflow';

import type { OperationDef } from '../../engine/operation';
import { fileNameOption, mimeTypeOption } from '../../fields/binaryFile';
import { storage } from '../../../shared/params/path';
import { fileUrlOf } from '../../../shared/files/fileUrl';
import { externalFileBody, formatOf, nameFromUrl } from '../../../shared/files/names';

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
				fileNameOption('Name of the file, with its extension; the last part of the URL when empty'),
				mimeTypeOption('Type of the file; LeanCloud derives it from the name\'s extension when empty'),
			],
		},
	],
	request(p) {
		const url = new URL(fileUrlOf(p, 'fileUrl'));
		const options = p.collection('options');
		const name = options.string('fileName').trim() || nameFromUrl(url.href);
		return { method: 'POST', path: storage`files`, body: externalFileBody(url.href, name, options.string('mimeType').trim()) };
	},
	output(body, p) {
		const answer = (body ?? {}) as IDataObject;
		const request = this.request?.(p).body as IDataObject;
		return { objectId: answer.objectId, createdAt: answer.createdAt, url: request.url, name: request.name, format: formatOf(String(request.name)), mimeType: request.mime_type ?? '' };
	},
};
