import type { ResourceDef } from '../../engine/operation';
import { add } from './add';
import { getAll } from './getAll';
import { remove } from './remove';
import { update } from './update';

export const role: ResourceDef = {
	value: 'role',
	name: 'Role',
	description: 'Member roles (Owner, Manager, Member) in conversations and chat rooms',
	operations: [add, getAll, remove, update],
};
