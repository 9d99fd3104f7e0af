import { messageReferenceFields } from '../../fields/common';
import { objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { messageReference, messageTimestamp } from '../message/fields';
import { senderConversationLocator } from './fields';

export const recall: OperationDef = {
	value: 'recall',
	name: 'Recall',
	action: 'Recall a broadcast',
	description: 'Withdraw a broadcast sent to subscribers (app-wide broadcasts are withdrawn with Delete)',
	bucket: 'subscriber',
	properties: [senderConversationLocator, ...messageReferenceFields],
	request(p) {
		const id = objectIdSegment(p);
		const messageId = p.id('messageId');
		return {
			method: 'PUT',
			path: rtm`service-conversations/${id}/messages/${messageId}/recall`,
			body: { from_client: p.clientId('fromClient'), timestamp: messageTimestamp(p) },
		};
	},
	output: (_body, p) => ({ ...messageReference(p), recalled: true }),
};
