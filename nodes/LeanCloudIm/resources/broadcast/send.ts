import type { IDataObject } from 'n8n-workflow';

import { clientIdField } from '../../../shared/fields/clientIdField';
import { buildMessageContent } from '../messageContent/build';
import { contentFields } from '../messageContent/fields';
import { objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { sendResult } from '../message/fields';
import { audienceField, AUDIENCES, MAX_VALIDITY_MS, readAudience, senderConversationLocator } from './fields';

const appWideOnly = { show: { '/audience': [AUDIENCES.everyone] } };

export const send: OperationDef = {
	value: 'send',
	name: 'Send',
	action: 'Send a broadcast',
	description: 'Broadcast a message from a service conversation to its subscribers, or to every user of the app',
	bucket: 'subscriber',
	properties: [
		audienceField('Who receives the broadcast'),
		senderConversationLocator,
		clientIdField({ displayName: 'From Client ID', name: 'fromClient', description: 'Client ID the broadcast is sent as' }),
		...contentFields,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			description: 'Push notification and delivery settings',
			options: [
				{
					displayName: 'Push Data (JSON)',
					name: 'push',
					type: 'json',
					default: '{}',
					description:
						'Push notification sent to every iOS and Android device of the audience, as a JSON object, e.g. {"alert": "Big news", "badge": "Increment"}',
				},
				{
					displayName: 'Transient',
					name: 'transient',
					type: 'boolean',
					default: false,
					description: 'Whether only users online now receive it',
					displayOptions: appWideOnly,
				},
				{
					displayName: 'Valid Until',
					name: 'validTill',
					type: 'dateTime',
					default: '',
					description: 'Users who come online after this time no longer receive it. At most, and by default, one month from now.',
					displayOptions: appWideOnly,
				},
			],
		},
	],
	request(p) {
		const { everyone, bucket } = readAudience(p);
		const id = objectIdSegment(p);
		const options = p.collection('options');
		const pushValue = options.jsonObject('push');
		const push = pushValue && Object.keys(pushValue).length ? pushValue : undefined;
		const body: IDataObject = { from_client: p.clientId('fromClient'), message: buildMessageContent(p, push && { fields: options, parameter: 'push', value: push }) };
		if (push) body.push = push;
		if (!everyone) return { method: 'POST', path: rtm`service-conversations/${id}/broadcasts`, body, bucket };

		body.conv_id = id.value;
		if (options.has('transient')) body.transient = options.boolean('transient');
		const validTill = options.timestampMs('validTill');
		if (validTill !== undefined) {
			const now = Date.now();
			if (validTill <= now) options.fail('validTill', 'is in the past');
			if (validTill > now + MAX_VALIDITY_MS) options.fail('validTill', 'is more than one month ahead; LeanCloud allows at most one month');
			body.valid_till = validTill;
		}
		return { method: 'POST', path: rtm`broadcasts`, body, bucket };
	},
	output: (body, p) => ({
		conversationId: p.string('conversationId'),
		...sendResult(body),
		fromClient: p.string('fromClient'),
		audience: p.string('audience') || AUDIENCES.subscribers,
	}),
};
