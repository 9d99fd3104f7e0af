import { clientIdField } from '../../../shared/fields/clientIdField';
import { objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { serviceConversationLocator } from './fields';

export const add: OperationDef = {
	value: 'add',
	name: 'Add',
	action: 'Subscribe a client',
	description: 'Subscribe a client to a service conversation, so it receives the conversation\'s broadcasts',
	properties: [serviceConversationLocator, clientIdField({ description: 'Client ID to subscribe' })],
	request(p) {
		const id = objectIdSegment(p);
		return { method: 'POST', path: rtm`service-conversations/${id}/subscribers`, body: { client_id: p.clientId('clientId') } };
	},
	output: (_body, p) => ({ conversationId: p.string('conversationId'), clientId: p.string('clientId'), subscribed: true }),
};
