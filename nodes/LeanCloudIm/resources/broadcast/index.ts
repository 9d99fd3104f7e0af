import type { ResourceDef } from '../../engine/operation';
import { deleteBroadcast } from './delete';
import { getAll } from './getAll';
import { recall } from './recall';
import { send } from './send';
import { update } from './update';
import { withFileSteps } from '../messageContent/fileSteps';

export const broadcast: ResourceDef = {
	value: 'broadcast',
	name: 'Broadcast',
	description: 'Messages from a service conversation to all its subscribers, or to every user of the app',
	// Send and Update can store their file first (File Source: Binary Data, or a URL registered as a LeanCloud file).
	operations: [deleteBroadcast, getAll, recall, withFileSteps(send), withFileSteps(update)],
};
