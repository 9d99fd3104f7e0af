import type { ResourceDef } from '../../engine/operation';
import { add } from './add';
import { getAll } from './getAll';
import { remove } from './remove';

export const member: ResourceDef = {
	value: 'member',
	name: 'Member',
	description: 'Members of a group conversation',
	operations: [add, getAll, remove],
};
