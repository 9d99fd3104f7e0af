import { conversationLocator, messageReferenceFields } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';
import { messageTimestamp } from './fields';

export const deleteMessage: OperationDef = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	description: 'Delete a message from the server\'s history; copies already on devices stay (use Recall for those)',
	properties: [conversationLocator(), ...messageReferenceFields],
	request(p) {
		const id = p.id('conversationId');
		const messageId = p.id('messageId');
		return {
			method: 'DELETE',
			path: rtm`conversations/${id}/messages/${messageId}`,
			// This endpoint takes the sender and timestamp as query parameters, not a body.
			query: { from_client: p.clientId('fromClient'), timestamp: messageTimestamp(p) },
		};
	},
	output: () => ({ deleted: true }),
};
