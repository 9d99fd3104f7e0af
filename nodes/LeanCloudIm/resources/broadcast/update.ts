import { messageReferenceFields } from '../../fields/common';
import { buildMessageContent } from '../messageContent/build';
import { contentFields } from '../messageContent/fields';
import { objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { messageReference, messageTimestamp } from '../message/fields';
import { audienceField, readAudience, senderConversationLocator } from './fields';

export const update: OperationDef = {
	value: 'update',
	name: 'Update',
	action: 'Update a broadcast',
	description: 'Replace the content of a broadcast; devices that already received an app-wide broadcast keep the old one',
	bucket: 'subscriber',
	properties: [audienceField('Who the broadcast was sent to'), senderConversationLocator, ...messageReferenceFields, ...contentFields],
	request(p) {
		const { bucket } = readAudience(p);
		const id = objectIdSegment(p);
		const messageId = p.id('messageId');
		return {
			method: 'PUT',
			path: rtm`service-conversations/${id}/messages/${messageId}`,
			body: { from_client: p.clientId('fromClient'), message: buildMessageContent(p), timestamp: messageTimestamp(p) },
			bucket,
		};
	},
	output: (_body, p) => ({ ...messageReference(p), updated: true }),
};
