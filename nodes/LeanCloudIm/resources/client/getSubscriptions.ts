import { returnAllAndLimit } from '../../fields/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { orderField } from '../../fields/history';
import { subscriptionPages } from '../subscriber/fields';
import { clientField } from './fields';

export const getSubscriptions: OperationDef = {
	value: 'getSubscriptions',
	name: 'Get Subscriptions',
	action: 'Get a client\'s subscriptions',
	description: 'List the service conversations a client is subscribed to, with when it subscribed',
	properties: [
		clientField,
		...returnAllAndLimit(),
		orderField('oldestFirst', 'Order of the subscriptions, by when they were made'),
	],
	request(p) {
		const direction = p.string('order') === 'newestFirst' ? 'old' : 'new';
		return { method: 'GET', path: rtm`clients/${p.clientIdSegment('clientId')}/service-conversations`, query: { direction } };
	},
	// The next page starts after the last subscription: its conversation and subscription time together.
	list: subscriptionPages((last) => ({ conv_id: last.conv_id as string, timestamp: last.timestamp as number })),
};
