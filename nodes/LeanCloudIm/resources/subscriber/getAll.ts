import { returnAllAndLimit } from '../../fields/common';
import { objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { serviceConversationLocator, subscriptionPages } from './fields';

export const getAll: OperationDef = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many subscribers',
	description: 'List the clients subscribed to a service conversation, with when they subscribed',
	properties: [serviceConversationLocator, ...returnAllAndLimit()],
	request(p) {
		return { method: 'GET', path: rtm`service-conversations/${objectIdSegment(p)}/subscribers` };
	},
	// The next page starts after the last subscriber of this one.
	list: subscriptionPages((last) => ({ client_id: last.subscriber as string })),
};
