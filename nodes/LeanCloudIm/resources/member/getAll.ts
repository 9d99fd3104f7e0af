import { conversationLocator, returnAllAndLimit } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { clientIdItem, singlePage } from '../../engine/pagers';
import { rtm } from '../../engine/path';

export const getAll: OperationDef = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many members of a conversation',
	description: 'List the client IDs of a conversation\'s members, one item each',
	properties: [conversationLocator(), ...returnAllAndLimit()],
	request(p) {
		return { method: 'GET', path: rtm`conversations/${p.id('conversationId')}/members` };
	},
	list: singlePage('result', clientIdItem),
};
