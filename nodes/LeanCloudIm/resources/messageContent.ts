import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Params } from '../../shared/params/params';

/** LeanCloud rejects message bodies over 5 KB (4109 FRAME_TOO_LONG); checked in UTF-8 bytes before sending. */
export const MAX_MESSAGE_BYTES = 5 * 1024;

/** `_lctype` values of LeanCloud's typed ("rich media") messages. */
const LC_TYPES: Record<string, number> = { text: -1, image: -2, audio: -3, video: -4, location: -5, file: -6 };
const FILE_TYPES = ['image', 'audio', 'video', 'file'];

export const contentFields: INodeProperties[] = [
	{
		displayName: 'Content Type',
		name: 'contentType',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'Plain Text', value: 'text', description: 'Send the text as it is' },
			{
				name: 'Rich Message',
				value: 'rich',
				description: 'Build a typed message (text, image, audio, video, file or location) that LeanCloud SDKs render natively',
			},
			{ name: 'Raw JSON', value: 'json', description: 'Send your own JSON content, e.g. a custom message type' },
		],
		description: 'How the message content is given',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: 'e.g. Welcome aboard! An agent will be with you shortly.',
		description: 'The message content, sent as it is. At most 5 KB.',
		displayOptions: { show: { contentType: ['text'] } },
	},
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'Audio', value: 'audio' },
			{ name: 'File', value: 'file' },
			{ name: 'Image', value: 'image' },
			{ name: 'Location', value: 'location' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'video' },
		],
		description: 'Kind of rich message; it becomes the _lctype field',
		displayOptions: { show: { contentType: ['rich'] } },
	},
	{
		displayName: 'Text',
		name: 'richText',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		placeholder: 'e.g. Here is your invoice',
		description: 'The text, or the caption of a file or location (_lctext)',
		displayOptions: { show: { contentType: ['rich'] } },
	},
	{
		displayName: 'File URL',
		name: 'fileUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://files.example.com/invoice.pdf',
		description: 'Public URL of the image, audio, video or file',
		displayOptions: { show: { contentType: ['rich'], messageType: FILE_TYPES } },
	},
	{
		displayName: 'Latitude',
		name: 'latitude',
		type: 'number',
		default: 0,
		typeOptions: { minValue: -90, maxValue: 90, numberPrecision: 6 },
		description: 'Latitude in degrees (_lcloc.latitude)',
		displayOptions: { show: { contentType: ['rich'], messageType: ['location'] } },
	},
	{
		displayName: 'Longitude',
		name: 'longitude',
		type: 'number',
		default: 0,
		typeOptions: { minValue: -180, maxValue: 180, numberPrecision: 6 },
		description: 'Longitude in degrees (_lcloc.longitude)',
		displayOptions: { show: { contentType: ['rich'], messageType: ['location'] } },
	},
	{
		displayName: 'Rich Message Fields',
		name: 'richFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'File details and custom attributes of the rich message',
		displayOptions: { show: { contentType: ['rich'] } },
		options: [
			{
				displayName: 'Custom Attributes',
				name: 'attributes',
				type: 'json',
				default: '{}',
				description: 'Your own attributes as a JSON object (_lcattrs), e.g. {"orderId": "A-1001"}',
			},
			{ displayName: 'Duration (Seconds)', name: 'duration', type: 'number', default: 0, description: 'Length of an audio or video file' },
			{ displayName: 'File Format', name: 'format', type: 'string', default: '', placeholder: 'e.g. png', description: 'File extension or format of the file' },
			{ displayName: 'File Name', name: 'name', type: 'string', default: '', placeholder: 'e.g. invoice.pdf', description: 'Name of the file' },
			{ displayName: 'File Object ID', name: 'objId', type: 'string', default: '', description: 'ObjectId of the file in LeanCloud storage (_File), if it is stored there' },
			{ displayName: 'File Size (Bytes)', name: 'size', type: 'number', default: 0, description: 'Size of the file in bytes' },
			{ displayName: 'Height (Pixels)', name: 'height', type: 'number', default: 0, description: 'Height of an image or video' },
			{ displayName: 'Width (Pixels)', name: 'width', type: 'number', default: 0, description: 'Width of an image or video' },
		],
	},
	{
		displayName: 'Content (JSON)',
		name: 'contentJson',
		type: 'json',
		default: '{\n  "_lctype": -1,\n  "_lctext": "Hello"\n}',
		required: true,
		description: 'The message content as a JSON object; it is sent as JSON text, as LeanCloud expects. At most 5 KB.',
		displayOptions: { show: { contentType: ['json'] } },
	},
];

function richContent(p: Params): IDataObject {
	const type = p.requiredString('messageType');
	if (!(type in LC_TYPES)) p.fail('messageType', `must be one of ${Object.keys(LC_TYPES).join(', ')}, got "${type}"`);
	const content: IDataObject = { _lctype: LC_TYPES[type] };
	const text = p.string('richText');
	if (text) content._lctext = text;

	const extra = p.collection('richFields');
	if (FILE_TYPES.includes(type)) {
		const file: IDataObject = { url: p.requiredString('fileUrl') };
		if (extra.has('objId')) file.objId = extra.string('objId');
		const metaData: IDataObject = {};
		for (const field of ['name', 'format']) if (extra.has(field)) metaData[field] = extra.string(field);
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
	if (contentType === 'rich') {
		message = JSON.stringify(richContent(p));
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
