import type { ResourceDef } from '../../engine/operation';
import { add } from './add';
import { getAll } from './getAll';
import { remove } from './remove';

export const mute: ResourceDef = {
	value: 'mute',
	name: 'Mute',
	description: 'Moderation: stop members from sending messages (LeanCloud calls this silencing)',
	operations: [add, getAll, remove],
};
