import { returnAllAndLimit } from '../../fields/common';
import { CONVERSATION, kindLocator, objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { clientIdItem, singlePage } from '../pagers';
import { rtm } from '../../../shared/params/path';

export const getAll: OperationDef = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many members of a conversation',
	description: 'List the client IDs of a conversation\'s members, one item each',
	properties: [kindLocator(CONVERSATION), ...returnAllAndLimit()],
	request(p) {
		return { method: 'GET', path: rtm`conversations/${objectIdSegment(p)}/members` };
	},
	list: singlePage('result', clientIdItem),
};
