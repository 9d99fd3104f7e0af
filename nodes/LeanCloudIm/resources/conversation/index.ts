import type { ResourceDef } from '../../engine/operation';
import { create } from './create';
import { deleteConversation } from './delete';
import { get } from './get';
import { getAll } from './getAll';
import { update } from './update';

export const conversation: ResourceDef = {
	value: 'conversation',
	name: 'Conversation',
	description: 'One-to-one and group conversations',
	operations: [create, deleteConversation, get, getAll, update],
};
