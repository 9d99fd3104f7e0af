import { SERVICE_CONVERSATION } from '../../../shared/conversations/kinds';
import type { ResourceDef } from '../../engine/operation';
import { crudOperations } from '../conversationCrud';

const crud = crudOperations(SERVICE_CONVERSATION, {
	create: 'Create a service conversation (an official account clients can subscribe to)',
	getAll: 'Query service conversations, optionally filtered',
	filterExample: '{"attr.brand": "acme"}',
	delete: 'Delete a service conversation permanently; its subscribers no longer receive it',
});

export const serviceConversation: ResourceDef = {
	value: 'serviceConversation',
	name: 'Service Conversation',
	description: 'Official accounts that clients subscribe to; see Subscriber and Broadcast for their audience',
	operations: [crud.create, crud.delete, crud.get, crud.getAll, crud.update],
};
