import type { IDataObject } from 'n8n-workflow';

import { clientIdField } from '../../../shared/fields/clientIdField';
import { buildMessageContent } from '../messageContent/build';
import { contentFields } from '../messageContent/fields';
import { CHAT_ROOM, CONVERSATION, objectIdSegment, SERVICE_CONVERSATION } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { MAX_RECIPIENTS, MESSAGE_KINDS, messageTarget, recipientsField, sendResult } from './fields';

/** Mentions LeanCloud accepts per message. */
const MAX_MENTIONS = 20;

/** Options that only some kinds accept: shown only for those (chat rooms have no push or sync, service messages no mentions). */
const onlyFor = (...kinds: string[]) => ({ show: { '/conversationType': kinds } });

export const send: OperationDef = {
	value: 'send',
	name: 'Send',
	action: 'Send a message',
	description:
		'Send a message on behalf of a client to a conversation or chat room, or from a service conversation to up to 20 users',
	bucket: 'normal',
	properties: [
		...messageTarget,
		clientIdField({
			displayName: 'From Client ID',
			name: 'fromClient',
			description: 'Client ID the message is sent as. It does not have to be a member.',
		}),
		recipientsField('Client IDs that receive this message privately, separated by commas. At most 20.'),
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
					displayOptions: onlyFor(CONVERSATION.value, CHAT_ROOM.value),
				},
				{
					displayName: 'Mentioned Client IDs',
					name: 'mentionClientIds',
					type: 'string',
					default: '',
					placeholder: 'e.g. alice, bob',
					description: 'Client IDs the message mentions (@), separated by commas. At most 20.',
					displayOptions: onlyFor(CONVERSATION.value, CHAT_ROOM.value),
				},
				{
					displayName: 'No Sync',
					name: 'noSync',
					type: 'boolean',
					default: false,
					description: 'Whether to skip delivering the message to the sender\'s own online devices',
					displayOptions: onlyFor(CONVERSATION.value, SERVICE_CONVERSATION.value),
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
					description: 'Delivery priority. LeanCloud applies it to transient and chat room messages only.',
				},
				{
					displayName: 'Push Data (JSON)',
					name: 'pushData',
					type: 'json',
					default: '{}',
					description:
						'Offline push notification payload as a JSON object, e.g. {"alert": "New message", "badge": "Increment"}. Empty uses the console\'s push template.',
					displayOptions: onlyFor(CONVERSATION.value, SERVICE_CONVERSATION.value),
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
		const kind = readKind(p, MESSAGE_KINDS);
		const id = objectIdSegment(p);
		const body: IDataObject = { from_client: p.clientId('fromClient') };
		if (kind === SERVICE_CONVERSATION) body.to_clients = p.clientIds('toClients', { max: MAX_RECIPIENTS });
		const options = p.collection('options');
		// Push data only where the kind takes it (chat rooms have none); a value left over from another kind is not sent.
		const pushData = kind === CHAT_ROOM ? undefined : options.jsonObject('pushData');
		const push = pushData && Object.keys(pushData).length ? pushData : undefined;
		body.message = buildMessageContent(p, push && { fields: options, parameter: 'pushData', value: push });
		if (options.has('transient')) body.transient = options.boolean('transient');
		if (options.has('priority')) body.priority = options.string('priority');
		// Options a kind does not take are hidden for it in the editor; a value left over from another kind is not sent.
		if (kind !== CHAT_ROOM) {
			if (options.has('noSync')) body.no_sync = options.boolean('noSync');
			if (push) body.push_data = push;
		}
		if (kind !== SERVICE_CONVERSATION) {
			if (options.has('mentionAll')) body.mention_all = options.boolean('mentionAll');
			if (options.has('mentionClientIds')) {
				body.mention_client_ids = options.clientIds('mentionClientIds', { max: MAX_MENTIONS });
			}
		}
		return { method: 'POST', path: rtm`${kind.collection}/${id}/messages`, body };
	},
	output(body, p) {
		const json: IDataObject = { conversationId: p.string('conversationId'), ...sendResult(body), fromClient: p.string('fromClient') };
		if (readKind(p, MESSAGE_KINDS) === SERVICE_CONVERSATION) json.toClients = p.clientIds('toClients');
		return json;
	},
};
