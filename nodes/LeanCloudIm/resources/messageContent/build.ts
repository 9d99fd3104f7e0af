import type { IDataObject } from 'n8n-workflow';

import { CONTENT_TYPES } from '../../../shared/messages/contentTypes';
import type { Params } from '../../../shared/params/params';
import type { StoredFile } from '../../../shared/files/upload';
import { FILE_TYPES } from './fields';
import { fileUrlOf } from '../../../shared/files/fileUrl';

/** The file each item's message carries when the node stored it in this run (set in phase two, before the content is built). */
const storedFiles = new WeakMap<Params, StoredFile>();

/** Makes `p`'s message carry `file` (uploaded or registered in this run) instead of the File URL field. */
export function carryStoredFile(p: Params, file: StoredFile): void {
	storedFiles.set(p, file);
}

/** LeanCloud rejects message bodies over 5 KB (4109 FRAME_TOO_LONG); checked in UTF-8 bytes before sending. */
export const MAX_MESSAGE_BYTES = 5 * 1024;

/** `_lctype` by type name, from the one content-type table; a recalled message is a state, not something to send. */
const SENDABLE_TYPES: Record<string, number> = Object.fromEntries(
	Object.entries(CONTENT_TYPES)
		.filter(([, name]) => name !== 'recalled')
		.map(([lctype, name]) => [name, Number(lctype)]),
);

function richContent(p: Params): IDataObject {
	const type = p.requiredString('messageType');
	if (!Object.prototype.hasOwnProperty.call(SENDABLE_TYPES, type)) p.fail('messageType', `must be one of ${Object.keys(SENDABLE_TYPES).join(', ')}, got "${type}"`);
	const content: IDataObject = { _lctype: SENDABLE_TYPES[type] };
	const text = p.string('richText');
	if (text) content._lctext = text;

	const extra = p.collection('richFields');
	if (FILE_TYPES.includes(type)) {
		// A file stored in this run (uploaded, or its URL registered) gives what it knows; fields the user set win.
		const stored = storedFiles.get(p);
		const file: IDataObject = { url: stored?.url ?? fileUrlOf(p, 'fileUrl') };
		if (extra.has('objId')) file.objId = extra.string('objId');
		else if (stored) file.objId = stored.objectId;
		const metaData: IDataObject = {};
		for (const field of ['name', 'format', 'size', 'width', 'height'] as const) if (stored?.[field]) metaData[field] = stored[field];
		for (const field of ['name', 'format']) if (extra.has(field) && extra.string(field)) metaData[field] = extra.string(field);
		for (const field of ['size', 'width', 'height', 'duration']) {
			const value = extra.raw(field);
			if (typeof value === 'number' && value > 0) metaData[field] = value;
		}
		if (Object.keys(metaData).length) file.metaData = metaData;
		content._lcfile = file;
	}
	if (type === 'location') {
		content._lcloc = {
			latitude: p.number('latitude', { min: -90, max: 90 }),
			longitude: p.number('longitude', { min: -180, max: 180 }),
		};
	}
	const attributes = extra.jsonObject('attributes');
	if (attributes && Object.keys(attributes).length) content._lcattrs = attributes;
	return content;
}

const CONTENT_LABELS: Record<string, string> = { text: 'Text', richText: 'Text', contentJson: 'Content (JSON)' };

/**
 * Which field of a rich message makes it too big: the largest of its text, file name, file URL and attributes, so the
 * error names that one (a 3,000-character file name is the name's fault, not the text's). The file name is named by
 * where it comes from: the File Name field, else the binary data (Input Binary Field), else the URL.
 */
function largestPart(p: Params, content: IDataObject): { fields: Params; parameter: string; what: string; bytes: number } {
	const size = (value: unknown) => (value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), 'utf8'));
	const extra = p.collection('richFields');
	const file = (content._lcfile ?? {}) as IDataObject;
	const name = (file.metaData as IDataObject | undefined)?.name;
	const fromBinary = p.string('fileSource') === 'binaryData';
	const nameField =
		extra.has('name') && extra.string('name')
			? { fields: extra, parameter: 'name' }
			: fromBinary
				? { fields: p, parameter: 'binaryPropertyName' }
				: { fields: p, parameter: 'fileUrl' };
	// A storage URL ends with the file's name: the name is counted where it stands in the URL too.
	const inUrl = typeof name === 'string' && name && String(file.url).endsWith(`/${encodeURIComponent(name)}`) ? Buffer.byteLength(encodeURIComponent(name)) : 0;
	const parts = [
		{ fields: p, parameter: 'richText', what: 'its text', bytes: size(content._lctext) },
		{ ...nameField, what: `its file name (${String(name ?? '').length.toLocaleString('en-US')} characters${inUrl ? ', in the file\'s URL too' : ''})`, bytes: size(name) + inUrl },
		{ fields: p, parameter: 'fileUrl', what: 'its file URL', bytes: fromBinary ? 0 : size(file.url) },
		{ fields: extra, parameter: 'attributes', what: 'its custom attributes', bytes: size(content._lcattrs) },
	];
	return parts.reduce((largest, part) => (part.bytes > largest.bytes ? part : largest));
}
const formatBytes = (bytes: number) => bytes.toLocaleString('en-US');

/** Push data sent with a message: LeanCloud counts it towards the message's 5 KB. */
export interface PushPayload {
	/** The collection the push field is in (e.g. Options), so the error names it fully. */
	fields: Params;
	/** The push field's name in that collection. */
	parameter: string;
	value: IDataObject;
}

/**
 * The `message` string to send, built from the content fields and checked against the 5 KB limit, together
 * with the push data when there is any (LeanCloud counts `push_data`/`push` towards the same limit).
 */
export function buildMessageContent(p: Params, push?: PushPayload): string {
	const contentType = p.string('contentType') || 'text';
	let message: string;
	let parameter: string;
	let rich: IDataObject | undefined;
	if (contentType === 'rich') {
		rich = richContent(p);
		message = JSON.stringify(rich);
		parameter = 'richText';
	} else if (contentType === 'json') {
		message = JSON.stringify(p.jsonObject('contentJson') ?? p.requiredString('contentJson'));
		parameter = 'contentJson';
	} else {
		parameter = 'text';
		message = p.string(parameter);
		if (!message.trim()) p.requiredString(parameter);
	}
	const bytes = Buffer.byteLength(message, 'utf8');
	if (bytes > MAX_MESSAGE_BYTES) {
		if (rich) {
			const part = largestPart(p, rich);
			part.fields.fail(
				part.parameter,
				`makes the message ${formatBytes(bytes)} bytes (${part.what}: ${formatBytes(part.bytes)} bytes); LeanCloud accepts at most ${formatBytes(MAX_MESSAGE_BYTES)} (5 KB)`,
				'Shorten it; nothing was uploaded or sent.',
			);
		}
		p.fail(parameter, `makes the message ${bytes} bytes; LeanCloud accepts at most ${MAX_MESSAGE_BYTES} (5 KB)`, 'Shorten the content or move large data to a file URL.');
	}
	if (push) {
		const pushBytes = Buffer.byteLength(JSON.stringify(push.value), 'utf8');
		const total = bytes + pushBytes;
		if (total > MAX_MESSAGE_BYTES) {
			push.fields.fail(
				push.parameter,
				`and "${CONTENT_LABELS[parameter]}" together make ${formatBytes(total)} bytes (${formatBytes(bytes)} of content and ${formatBytes(pushBytes)} of push data); LeanCloud counts push data towards the message's limit of ${formatBytes(MAX_MESSAGE_BYTES)} bytes (5 KB)`,
				'Shorten the content or the push data.',
			);
		}
	}
	return message;
}
