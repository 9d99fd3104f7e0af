import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_FILE_MB, DEFAULT_MAX_TOTAL_MB, MAX_FILE_MB, MAX_TOTAL_MB, type DownloadLimits } from '../files/download';
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
		typeOptions: { minValue: 1, maxValue: MAX_FILE_MB },
		description: `With Download Files: a larger file is not kept (at most ${MAX_FILE_MB} MB)`,
		displayOptions: { show: { downloadFiles: [true] } },
	},
	{
		displayName: 'Max Total Size (MB)',
		name: 'maxTotalSize',
		type: 'number',
		default: DEFAULT_MAX_TOTAL_MB,
		typeOptions: { minValue: 1, maxValue: MAX_TOTAL_MB },
		description: `With Download Files: the most all files of one run (or one poll) may take together; files past it are not fetched (at most ${MAX_TOTAL_MB} MB)`,
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

/** Download Files as the item asks: off, or on with the binary field's name and the size caps in bytes. */
export function readDownload(p: Params): ({ property: string } & DownloadLimits) | undefined {
	const options = p.collection('options');
	if (!options.boolean('downloadFiles', false)) return undefined;
	const property = (options.has('binaryProperty') && options.string('binaryProperty').trim()) || 'data';
	const fileMb = options.has('maxFileSize') ? options.number('maxFileSize', { min: 0.001, max: MAX_FILE_MB }) : DEFAULT_MAX_FILE_MB;
	const totalMb = options.has('maxTotalSize') ? options.number('maxTotalSize', { min: 0.001, max: MAX_TOTAL_MB }) : DEFAULT_MAX_TOTAL_MB;
	return { property, maxBytes: Math.floor(fileMb * 1024 * 1024), maxTotalBytes: Math.floor(totalMb * 1024 * 1024) };
}
