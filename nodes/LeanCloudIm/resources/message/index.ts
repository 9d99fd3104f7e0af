import type { ResourceDef } from '../../engine/operation';
import { deleteMessage } from './delete';
import { getAll } from './getAll';
import { recall } from './recall';
import { send } from './send';
import { update } from './update';

export const message: ResourceDef = {
	value: 'message',
	name: 'Message',
	description: 'Messages of a conversation',
	operations: [deleteMessage, getAll, recall, send, update],
};
