import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_FILE_MB } from '../files/download';
import type { Params } from '../params/params';

/** Options > Download Files and its two settings (the trigger's and the history Get Many's). */
export const downloadFields: INodeProperties[] = [
	{
		displayName: 'Download Files',
		name: 'downloadFiles',
		type: 'boolean',
		default: false,
		description:
			'Whether to fetch the file of each image, audio, video and file message as binary data. The request goes to the file\'s host with no LeanCloud key.',
	},
	{
		displayName: 'Max File Size (MB)',
		name: 'maxFileSize',
		type: 'number',
		default: DEFAULT_MAX_FILE_MB,
		typeOptions: { minValue: 1 },
		description: 'With Download Files: a larger file fails the item instead of filling the memory',
		displayOptions: { show: { downloadFiles: [true] } },
	},
	{
		displayName: 'Put File in Field',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		placeholder: 'e.g. data',
		description: 'With Download Files: the name of the output binary field holding the file',
		displayOptions: { show: { downloadFiles: [true] } },
	},
];

/** Download Files as the item asks: off, or on with the binary field's name and the size cap in bytes. */
export function readDownload(p: Params): { property: string; maxBytes: number } | undefined {
	const options = p.collection('options');
	if (!options.boolean('downloadFiles', false)) return undefined;
	const property = (options.has('binaryProperty') && options.string('binaryProperty').trim()) || 'data';
	const megabytes = options.has('maxFileSize') ? options.number('maxFileSize', { min: 0.001, max: 10_000 }) : DEFAULT_MAX_FILE_MB;
	return { property, maxBytes: Math.floor(megabytes * 1024 * 1024) };
}
