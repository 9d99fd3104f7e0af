import type { INodeProperties } from 'n8n-workflow';

import { CHAT_ROOM, CONVERSATION, kindLocator, SERVICE_CONVERSATION } from '../shared/conversations/kinds';
import { clientIdField } from '../shared/fields/clientIdField';
import { downloadFields } from '../shared/fields/downloadFields';
import type { Params } from '../shared/params/params';

/** Where New Message looks: the whole app's history (the export route), one conversation or chat room, or one sender's. */
export const MESSAGE_SCOPES = ['app', 'conversation', 'chatRoom', 'client'] as const;
export type MessageScope = (typeof MESSAGE_SCOPES)[number];

/** The Message Types filter's values: the content types of shared/messages/contentTypes.ts. */
export const MESSAGE_TYPES = ['text', 'image', 'audio', 'video', 'location', 'file', 'recalled', 'other'] as const;
export const KIND_VALUES = [CONVERSATION.value, CHAT_ROOM.value, SERVICE_CONVERSATION.value] as const;

/**
 * Records one poll reads unless Options > Max Items per Poll says otherwise: an app sending 20,000 messages a minute
 * needs about 21,700 a minute (the overlap window is read again), so the default one-minute poll keeps up with that.
 */
export const DEFAULT_MAX_PER_POLL = 30_000;
export const MAX_MAX_PER_POLL = 100_000;
/** A poll's whole time, below n8n's shortest poll interval (a minute), so a poll never runs into the next. */
export const DEFAULT_POLL_TIMEOUT_S = 50;

/** Options > Poll Timeout: the longest one poll may take, all its requests and waits together. */
export function pollTimeoutMs(p: Params): number {
	const options = p.collection('options');
	return (options.has('pollTimeout') ? options.integer('pollTimeout', { min: 1, max: 86_400 }) : DEFAULT_POLL_TIMEOUT_S) * 1000;
}

/** Options > Max Items per Poll: most records one poll reads, for either event. */
export function maxPerPoll(p: Params): number {
	const options = p.collection('options');
	return options.has('maxPerPoll') ? options.integer('maxPerPoll', { min: 1, max: MAX_MAX_PER_POLL }) : DEFAULT_MAX_PER_POLL;
}

const onMessages = { show: { event: ['newMessage'] } };

/** A field of the shared download options, shown for New Message only (conversations carry no files). */
function forMessages(field: INodeProperties): INodeProperties {
	const shown = field.displayOptions?.show ?? {};
	return { ...field, displayOptions: { show: { ...shown, '/event': ['newMessage'] } } };
}
const onConversations = { show: { event: ['newConversation'] } };
const kindOptions = [
	{ name: 'Chat Room', value: CHAT_ROOM.value },
	{ name: 'Conversation', value: CONVERSATION.value, description: 'One-to-one and group conversations' },
	{ name: 'Service Conversation', value: SERVICE_CONVERSATION.value },
];

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: 'newMessage',
		description: 'What starts the workflow',
		options: [
			{ name: 'New Message', value: 'newMessage', description: 'A message was sent: in the whole app, one conversation or chat room, or by one client' },
			{ name: 'New Conversation', value: 'newConversation', description: 'A conversation, chat room or service conversation was created' },
		],
	},
	{
		displayName: 'Watch',
		name: 'scope',
		type: 'options',
		noDataExpression: true,
		default: 'app',
		description: 'Where to look for new messages',
		options: [
			{ name: 'Whole App', value: 'app', description: 'Every message in every conversation of the app' },
			{ name: 'One Conversation', value: 'conversation' },
			{ name: 'One Chat Room', value: 'chatRoom' },
			{ name: 'Messages Sent by One Client', value: 'client', description: 'In conversations and chat rooms' },
		],
		displayOptions: onMessages,
	},
	{ ...kindLocator(CONVERSATION, 'The conversation to watch'), displayOptions: { show: { event: ['newMessage'], scope: ['conversation'] } } },
	{ ...kindLocator(CHAT_ROOM, 'The chat room to watch'), displayOptions: { show: { event: ['newMessage'], scope: ['chatRoom'] } } },
	clientIdField({
		description: 'The client whose sent messages to watch',
		displayOptions: { show: { event: ['newMessage'], scope: ['client'] } },
	}),
	{
		displayName: 'Conversation Types',
		name: 'conversationTypes',
		type: 'multiOptions',
		default: [...KIND_VALUES],
		required: true,
		options: kindOptions,
		description: 'Which kinds of conversation to report when they are created',
		displayOptions: onConversations,
	},
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return the same fields as Message > Get Many with Simplify (messageId, timestamp, fromClient, conversationId, content, contentType, text…), ready for Recall, Mute and Send by expression',
		displayOptions: onMessages,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Filters, files, and how much one poll reads',
		options: [
			{
				displayName: 'Conversation Types',
				name: 'conversationTypes',
				type: 'multiOptions',
				default: [],
				options: kindOptions,
				description: 'Only messages in these kinds of conversation. Empty reports every kind.',
				displayOptions: { show: { '/event': ['newMessage'], '/scope': ['app', 'client'] } },
			},
			forMessages(downloadFields[0]),
			{
				displayName: 'From Client IDs',
				name: 'fromClients',
				type: 'string',
				default: '',
				placeholder: 'e.g. alice, bob',
				description: 'Only messages sent by these clients, separated by commas',
				displayOptions: { show: { '/event': ['newMessage'], '/scope': ['app', 'conversation', 'chatRoom'] } },
			},
			{
				displayName: 'Ignore Messages From',
				name: 'ignoreFrom',
				type: 'string',
				default: '',
				placeholder: 'e.g. support-bot',
				description:
					'Client IDs whose messages never trigger the workflow, separated by commas: put your bot\'s own ID here so its replies do not trigger it again',
				displayOptions: { show: { '/event': ['newMessage'] } },
			},
			{
				displayName: 'Max Items per Poll',
				name: 'maxPerPoll',
				type: 'number',
				default: DEFAULT_MAX_PER_POLL,
				typeOptions: { minValue: 1, maxValue: MAX_MAX_PER_POLL },
				description:
					'Most records read in one poll; the rest are read by the next poll, never dropped. A poll that reaches it logs a warning saying how far behind the trigger is.',
			},
			forMessages(downloadFields[1]),
			forMessages(downloadFields[2]),
			{
				displayName: 'Message Types',
				name: 'messageTypes',
				type: 'multiOptions',
				default: [],
				options: [
					{ name: 'Audio', value: 'audio' },
					{ name: 'File', value: 'file' },
					{ name: 'Image', value: 'image' },
					{ name: 'Location', value: 'location' },
					{ name: 'Other', value: 'other', description: 'Custom typed messages' },
					{ name: 'Recalled', value: 'recalled', description: 'Messages recalled by their sender' },
					{ name: 'Text', value: 'text', description: 'Plain text, and typed text messages' },
					{ name: 'Video', value: 'video' },
				],
				description: 'Only messages of these types. Empty reports every type.',
				displayOptions: { show: { '/event': ['newMessage'] } },
			},
			{
				displayName: 'Poll Timeout (Seconds)',
				name: 'pollTimeout',
				type: 'number',
				default: DEFAULT_POLL_TIMEOUT_S,
				typeOptions: { minValue: 1 },
				description:
					'Longest one poll may take, all its requests and waits together; keep it below the poll interval. A poll still running when the next is due makes that one skip.',
			},
			forMessages(downloadFields[3]),
			{
				displayName: 'Start From',
				name: 'startFrom',
				type: 'dateTime',
				default: '',
				description:
					'On the first poll after activation, report what arrived since this time instead of starting from now. Later polls go on from where the last one stopped.',
			},
		],
	},
];
