import type { ResourceDef } from '../../engine/operation';
import { deleteMessage } from './delete';
import { getAll } from './getAll';
import { recall } from './recall';
import { send } from './send';
import { update } from './update';
import { withFileSteps } from '../messageContent/fileSteps';

export const message: ResourceDef = {
	value: 'message',
	name: 'Message',
	description: 'Messages of a conversation',
	// Send and Update can store their file first (File Source: Binary Data, or a URL registered as a LeanCloud file).
	operations: [deleteMessage, getAll, recall, withFileSteps(send), withFileSteps(update)],
};
