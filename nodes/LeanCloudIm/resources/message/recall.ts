import { conversationLocator, messageReferenceFields } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';
import { messageReference, messageTimestamp } from './fields';

export const recall: OperationDef = {
	value: 'recall',
	name: 'Recall',
	action: 'Recall a message',
	description: 'Withdraw a sent message so members\' apps show it as recalled',
	bucket: 'normal',
	properties: [conversationLocator(), ...messageReferenceFields],
	request(p) {
		const id = p.id('conversationId');
		const messageId = p.id('messageId');
		return {
			method: 'PUT',
			path: rtm`conversations/${id}/messages/${messageId}/recall`,
			body: { from_client: p.clientId('fromClient'), timestamp: messageTimestamp(p) },
		};
	},
	output: (_body, p) => ({ ...messageReference(p), recalled: true }),
};
