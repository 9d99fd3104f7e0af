import { messageReferenceFields } from '../../fields/common';
import { objectIdSegment, SERVICE_CONVERSATION } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { MESSAGE_KINDS, messageTarget, messageTimestamp, subscriberField } from './fields';

export const deleteMessage: OperationDef = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message',
	description: 'Delete a message from the server\'s history; copies already on devices stay (use Recall for those)',
	properties: [
		...messageTarget,
		subscriberField('The subscriber whose copy of the message to delete (service conversations keep one history per subscriber)'),
		...messageReferenceFields,
	],
	request(p) {
		const kind = readKind(p, MESSAGE_KINDS);
		const id = objectIdSegment(p);
		const messageId = p.id('messageId');
		// These endpoints take the sender and timestamp as query parameters, not a body.
		const query = { from_client: p.clientId('fromClient'), timestamp: messageTimestamp(p) };
		if (kind === SERVICE_CONVERSATION) {
			const subscriber = p.clientIdSegment('subscriberId');
			return { method: 'DELETE', path: rtm`service-conversations/${id}/subscribers/${subscriber}/messages/${messageId}`, query };
		}
		return { method: 'DELETE', path: rtm`${kind.collection}/${id}/messages/${messageId}`, query };
	},
	output: () => ({ deleted: true }),
};
