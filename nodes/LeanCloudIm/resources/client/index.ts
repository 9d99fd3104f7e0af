import type { ResourceDef } from '../../engine/operation';
import { block } from './block';
import { checkOnline } from './checkOnline';
import { getBlocked } from './getBlocked';
import { getSentMessages } from './getSentMessages';
import { getSignature } from './getSignature';
import { getSubscriptions } from './getSubscriptions';
import { getUnreadCount } from './getUnreadCount';
import { kick } from './kick';
import { unblock } from './unblock';

export const client: ResourceDef = {
	value: 'client',
	name: 'Client',
	description: 'Users of the IM service, by client ID: online status, kicks, unread counts, subscriptions and blocks',
	operations: [block, checkOnline, getBlocked, getSignature, getSentMessages, getSubscriptions, getUnreadCount, kick, unblock],
};
