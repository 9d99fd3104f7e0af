import { conversationLocator, returnAllAndLimit } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { clientIdItem, cursorPages } from '../../engine/pagers';
import { rtm } from '../../engine/path';

export const getAll: OperationDef = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many permanently muted members',
	description: 'List the members muted permanently in a conversation (LeanCloud does not list temporary mutes)',
	properties: [conversationLocator(), ...returnAllAndLimit()],
	request(p) {
		return { method: 'GET', path: rtm`conversations/${p.id('conversationId')}/permanent-silenceds` };
	},
	list: cursorPages('client_ids', 50, clientIdItem),
};
