import type { INodeProperties } from 'n8n-workflow';

import { binaryPropertyField } from '../../fields/binaryFile';
import { DEFAULT_MAX_FILE_MB, MAX_FILE_MB } from '../../../shared/files/download';

/** Rich message types that carry a file (`_lcfile`). */
export const FILE_TYPES = ['image', 'audio', 'video', 'file'];

/** The content fields Message (Send, Update) and Broadcast (Send, Update) share: plain text, a rich (typed) message, or raw JSON. */
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
		displayName: 'File Source',
		name: 'fileSource',
		type: 'options',
		default: 'url',
		options: [
			{ name: 'Binary Data', value: 'binaryData', description: 'Upload a file from the input item\'s binary data to LeanCloud file storage, then send it' },
			{ name: 'URL', value: 'url', description: 'A file already at a public address' },
		],
		description: 'Where the image, audio, video or file comes from',
		displayOptions: { show: { contentType: ['rich'], messageType: FILE_TYPES } },
	},
	binaryPropertyField('The name of the input binary field containing the file; its name and type come with it', {
		show: { contentType: ['rich'], messageType: FILE_TYPES, fileSource: ['binaryData'] },
	}),
	{
		displayName: 'File URL',
		name: 'fileUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://files.example.com/invoice.pdf',
		description: 'Public URL of the image, audio, video or file',
		displayOptions: { show: { contentType: ['rich'], messageType: FILE_TYPES, fileSource: ['url'] } },
	},
	{
		displayName: 'Register as LeanCloud File',
		name: 'registerUrl',
		type: 'boolean',
		default: true,
		description:
			'Whether to register the URL as a LeanCloud file first (no bytes are copied), so the message carries its ID: LeanCloud\'s iOS and C# SDKs ignore a file without one',
		displayOptions: { show: { contentType: ['rich'], messageType: FILE_TYPES, fileSource: ['url'] } },
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
			{
				displayName: 'Max File Size (MB)',
				name: 'maxFileSize',
				type: 'number',
				default: DEFAULT_MAX_FILE_MB,
				typeOptions: { minValue: 1, maxValue: MAX_FILE_MB },
				description: `With File Source "Binary Data": larger files are refused before anything is sent (at most ${MAX_FILE_MB} MB)`,
			},
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
