import type { ResourceDef } from '../../engine/operation';
import { disable } from './disable';
import { enable } from './enable';
import { getAll } from './getAll';

// The API calls this "mutes" (the conversation's mu field). It only silences notifications, not members,
// so it is kept apart from the Mute resource, which is the moderation feature.
export const pushNotification: ResourceDef = {
	value: 'pushNotification',
	name: 'Push Notification',
	description: 'Offline push notifications of a conversation, per member (the API\'s "mutes")',
	operations: [getAll, disable, enable],
};
