import { clientIdField } from '../../../shared/fields/clientIdField';
import { objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { serviceConversationLocator } from './fields';

export const remove: OperationDef = {
	value: 'remove',
	name: 'Remove',
	action: 'Unsubscribe a client',
	description: 'Unsubscribe a client from a service conversation',
	properties: [serviceConversationLocator, clientIdField({ description: 'Client ID to unsubscribe' })],
	request(p) {
		const id = objectIdSegment(p);
		return { method: 'DELETE', path: rtm`service-conversations/${id}/subscribers/${p.clientIdSegment('clientId')}` };
	},
	output: (_body, p) => ({ conversationId: p.string('conversationId'), clientId: p.string('clientId'), subscribed: false }),
};
