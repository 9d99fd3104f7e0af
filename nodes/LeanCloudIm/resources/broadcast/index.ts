import type { ResourceDef } from '../../engine/operation';
import { deleteBroadcast } from './delete';
import { getAll } from './getAll';
import { recall } from './recall';
import { send } from './send';
import { update } from './update';

export const broadcast: ResourceDef = {
	value: 'broadcast',
	name: 'Broadcast',
	description: 'Messages from a service conversation to all its subscribers, or to every user of the app',
	operations: [deleteBroadcast, getAll, recall, send, update],
};
