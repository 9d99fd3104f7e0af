import type { ResourceDef } from '../../engine/operation';
import { add } from './add';
import { count } from './count';
import { getAll } from './getAll';
import { remove } from './remove';

export const subscriber: ResourceDef = {
	value: 'subscriber',
	name: 'Subscriber',
	description: 'Clients subscribed to a service conversation',
	operations: [add, count, getAll, remove],
};
