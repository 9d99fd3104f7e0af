import { returnAllAndLimit } from '../../fields/common';
import { ALL_KINDS, objectIdSegment } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { clientIdItem, cursorPages } from '../pagers';
import { rtm } from '../../../shared/params/path';
import { blacklistTarget } from './fields';

export const getAll: OperationDef = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many blacklisted clients',
	description: 'List the clients blacklisted in a conversation, chat room or service conversation',
	properties: [...blacklistTarget, ...returnAllAndLimit()],
	request(p) {
		return { method: 'GET', path: rtm`${readKind(p, ALL_KINDS).collection}/${objectIdSegment(p)}/blacklists` };
	},
	list: cursorPages('client_ids', 50, clientIdItem),
};
