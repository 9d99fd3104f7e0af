import type { INodeProperties } from 'n8n-workflow';

import type { ItemAccess } from '../engine/operation';
import type { FileBytes } from '../../shared/files/upload';
import type { Params } from '../../shared/params/params';
import { DEFAULT_MAX_FILE_MB, MAX_FILE_MB } from '../../shared/files/download';
import { mimeTypeFor } from '../../shared/files/mimeTypes';


/** Room read around a file's bytes for a form upload's head (token, key, file name) and tail: no copy of the file then. */
const FRAME_ROOM = { before: 8 * 1024, after: 256 };

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** Input Binary Field: which of the item's binary fields holds the file. */
export function binaryPropertyField(description: string, displayOptions?: INodeProperties['displayOptions']): INodeProperties {
	return { displayName: 'Input Binary Field', name: 'binaryPropertyName', type: 'string', default: 'data', required: true, placeholder: 'e.g. data', description, ...(displayOptions ? { displayOptions } : {}) };
}

/** A File Name option: the name to store or register the file under. */
export function fileNameOption(description: string): INodeProperties {
	return { displayName: 'File Name', name: 'fileName', type: 'string', default: '', placeholder: 'e.g. invoice.pdf', description };
}

/** A MIME Type option. */
export function mimeTypeOption(description: string): INodeProperties {
	return { displayName: 'MIME Type', name: 'mimeType', type: 'string', default: '', placeholder: 'e.g. application/pdf', description };
}

/** Where a file comes from when it is n8n binary data, and how it is named and typed. */
export const binaryFileFields: INodeProperties[] = [
	binaryPropertyField('The name of the input binary field containing the file'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'The file\'s name, type and size limit, and how the requests are retried and timed out',
		options: [
			fileNameOption('Name to store the file under, with its extension; the binary data\'s own name when empty'),
			{
				displayName: 'Max File Size (MB)',
				name: 'maxFileSize',
				type: 'number',
				default: DEFAULT_MAX_FILE_MB,
				typeOptions: { minValue: 1, maxValue: MAX_FILE_MB },
				description: `Larger files are refused before anything is sent (at most ${MAX_FILE_MB} MB)`,
			},
			mimeTypeOption('Type to store the file with; the binary data\'s own type when empty'),
		],
	},
];

/** An item's binary file as phase one knows it: its name and type, and how phase two reads its bytes. */
export interface BinaryFile {
	name: string;
	/** Empty when neither the option, the binary data nor the name's extension says it (LeanCloud then derives it). */
	mimeType: string;
	read(): Promise<FileBytes>;
}

/**
 * Checks the item's binary file in phase one (present, named, within Max File Size when n8n knows its size) and
 * returns its name and type and how to read it in phase two, where its size is checked again on the bytes themselves.
 */
export function readBinaryFile(
	p: Params,
	item: ItemAccess,
	/** Where the overrides are: the collection, and the names of its file name and MIME type fields (if it has one). */
	{ collection = 'options', fileName = 'fileName', mimeType: mimeTypeField = 'mimeType' }: { collection?: string; fileName?: string; mimeType?: string | null } = {},
): BinaryFile {
	const property = p.requiredString('binaryPropertyName');
	const binary = item.binary(property);
	if (!binary) p.fail('binaryPropertyName', `names no binary data of this item ("${property}")`, 'Check the name of the binary field in the previous node\'s output (its Binary tab).');
	const options = p.collection(collection);
	const name = options.string(fileName).trim() || binary.fileName || '';
	if (!name) options.fail(fileName, 'is needed: the binary data has no file name', 'Give the file a name with its extension, e.g. invoice.pdf.');
	const mimeType = mimeTypeFor(mimeTypeField ? options.string(mimeTypeField).trim() : '', binary.mimeType, name);
	const maxMb = options.has('maxFileSize') ? options.number('maxFileSize', { min: 0.001, max: MAX_FILE_MB }) : DEFAULT_MAX_FILE_MB;
	const maxBytes = Math.floor(maxMb * 1024 * 1024);
	const tooLarge = (bytes: number) =>
		options.fail('maxFileSize', `is ${maxMb} MB, and the file has ${sizeText(bytes)}`, 'Raise Options > Max File Size, or send a smaller file.');
	if (binary.bytes !== undefined && binary.bytes > maxBytes) tooLarge(binary.bytes);
	const read = async () => {
		const framed = await item.binaryBuffer(property, FRAME_ROOM);
		if (framed.length > maxBytes) tooLarge(framed.length);
		return { bytes: framed.buffer.subarray(framed.start, framed.start + framed.length), frame: { buffer: framed.buffer, start: framed.start }, name, mimeType };
	};
	return { name, mimeType, read };
}
