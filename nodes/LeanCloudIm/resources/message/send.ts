import type { IDataObject } from 'n8n-workflow';

import { clientIdField, conversationLocator } from '../../descriptions/common';
import { buildMessageContent, contentFields } from '../../descriptions/content';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';
import { sendResult } from './fields';

/** Mentions LeanCloud accepts per message. */
const MAX_MENTIONS = 20;

export const send: OperationDef = {
	value: 'send',
	name: 'Send',
	action: 'Send a message',
	description: 'Send a message to a conversation on behalf of a client',
	bucket: 'normal',
	properties: [
		conversationLocator('The conversation to send to'),
		clientIdField({
			displayName: 'From Client ID',
			name: 'fromClient',
			description: 'Client ID the message is sent as. It does not have to be a member of the conversation.',
		}),
		...contentFields,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			description: 'Delivery, push notification and mention settings',
			options: [
				{
					displayName: 'Mention All',
					name: 'mentionAll',
					type: 'boolean',
					default: false,
					description: 'Whether the message mentions (@) every member',
				},
				{
					displayName: 'Mentioned Client IDs',
					name: 'mentionClientIds',
					type: 'string',
					default: '',
					placeholder: 'e.g. alice, bob',
					description: 'Client IDs the message mentions (@), separated by commas. At most 20.',
				},
				{
					displayName: 'No Sync',
					name: 'noSync',
					type: 'boolean',
					default: false,
					description: 'Whether to skip delivering the message to the sender\'s own online devices',
				},
				{
					displayName: 'Priority',
					name: 'priority',
					type: 'options',
					default: 'normal',
					options: [
						{ name: 'High', value: 'high' },
						{ name: 'Normal', value: 'normal' },
						{ name: 'Low', value: 'low' },
					],
					description: 'Delivery priority. LeanCloud applies it to transient messages only.',
				},
				{
					displayName: 'Push Data (JSON)',
					name: 'pushData',
					type: 'json',
					default: '{}',
					description:
						'Offline push notification payload as a JSON object, e.g. {"alert": "New message", "badge": "Increment"}. Empty uses the console\'s push template.',
				},
				{
					displayName: 'Transient',
					name: 'transient',
					type: 'boolean',
					default: false,
					description: 'Whether to send without storing: only online members receive it, with no history and no push',
				},
			],
		},
	],
	request(p) {
		const id = p.id('conversationId');
		const body: IDataObject = { from_client: p.clientId('fromClient'), message: buildMessageContent(p) };
		const options = p.collection('options');
		if (options.has('transient')) body.transient = options.boolean('transient');
		if (options.has('noSync')) body.no_sync = options.boolean('noSync');
		if (options.has('priority')) body.priority = options.string('priority');
		const pushData = options.jsonObject('pushData');
		if (pushData && Object.keys(pushData).length) body.push_data = pushData;
		if (options.has('mentionAll')) body.mention_all = options.boolean('mentionAll');
		if (options.has('mentionClientIds')) {
			body.mention_client_ids = options.clientIds('mentionClientIds', { max: MAX_MENTIONS });
		}
		return { method: 'POST', path: rtm`conversations/${id}/messages`, body };
	},
	output(body, p) {
		return { conversationId: p.string('conversationId'), ...sendResult(body), fromClient: p.string('fromClient') };
	},
};
