import type { ResourceDef } from '../../engine/operation';
import { add } from './add';
import { getAll } from './getAll';
import { remove } from './remove';

export const blacklist: ResourceDef = {
	value: 'blacklist',
	name: 'Blacklist',
	description: 'Clients banned from a conversation, chat room or service conversation (they cannot rejoin)',
	operations: [add, getAll, remove],
};
