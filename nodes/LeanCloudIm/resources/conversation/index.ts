import { CONVERSATION } from '../../../shared/conversations/kinds';
import type { ResourceDef } from '../../engine/operation';
import { crudOperations } from '../conversationCrud';

const crud = crudOperations(CONVERSATION, {
	create: 'Create a one-to-one or group conversation with initial members',
	getAll: 'Query one-to-one and group conversations, optionally filtered',
	filterExample: '{"m": "alice"} for conversations alice is in,',
	delete: 'Delete a conversation permanently; its members can no longer use it',
});

export const conversation: ResourceDef = {
	value: 'conversation',
	name: 'Conversation',
	description: 'One-to-one and group conversations',
	operations: [crud.create, crud.delete, crud.get, crud.getAll, crud.update],
};
