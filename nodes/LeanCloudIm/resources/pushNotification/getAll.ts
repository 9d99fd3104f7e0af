import { conversationLocator, returnAllAndLimit } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { clientIdItem, singlePage } from '../../engine/pagers';
import { rtm } from '../../engine/path';

export const getAll: OperationDef = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many members with push notifications off',
	description: 'List the members who turned off push notifications for a conversation, one item each',
	properties: [conversationLocator(), ...returnAllAndLimit()],
	request(p) {
		return { method: 'GET', path: rtm`conversations/${p.id('conversationId')}/mutes` };
	},
	list: singlePage('result', clientIdItem),
};
