import { conversationLocator, messageReferenceFields } from '../../descriptions/common';
import { buildMessageContent, contentFields } from '../../descriptions/content';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';
import { messageReference, messageTimestamp } from './fields';

export const update: OperationDef = {
	value: 'update',
	name: 'Update',
	action: 'Update a message',
	description: 'Replace the content of a sent message; members see the new content',
	bucket: 'normal',
	properties: [conversationLocator(), ...messageReferenceFields, ...contentFields],
	request(p) {
		const id = p.id('conversationId');
		const messageId = p.id('messageId');
		return {
			method: 'PUT',
			path: rtm`conversations/${id}/messages/${messageId}`,
			body: { from_client: p.clientId('fromClient'), message: buildMessageContent(p), timestamp: messageTimestamp(p) },
		};
	},
	output: (_body, p) => ({ ...messageReference(p), updated: true }),
};
