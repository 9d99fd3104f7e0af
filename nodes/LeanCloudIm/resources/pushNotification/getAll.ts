import { returnAllAndLimit } from '../../fields/common';
import { CONVERSATION, kindLocator, objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { clientIdItem, singlePage } from '../pagers';
import { rtm } from '../../../shared/params/path';

export const getAll: OperationDef = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many members with push notifications off',
	description: 'List the members who turned off push notifications for a conversation, one item each',
	properties: [kindLocator(CONVERSATION), ...returnAllAndLimit()],
	request(p) {
		return { method: 'GET', path: rtm`conversations/${objectIdSegment(p)}/mutes` };
	},
	list: singlePage('result', clientIdItem),
};
