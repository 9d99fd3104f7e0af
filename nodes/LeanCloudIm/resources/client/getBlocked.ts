import { returnAllAndLimit } from '../../fields/common';
import type { OperationDef } from '../../engine/operation';
import { cursorPages } from '../pagers';
import { rtm } from '../../../shared/params/path';
import { clientField } from './fields';

export const getBlocked: OperationDef = {
	value: 'getBlocked',
	name: 'Get Blocked Conversations',
	action: 'Get conversations a client blocked',
	description: 'List the conversations on a client\'s own blacklist',
	properties: [clientField, ...returnAllAndLimit()],
	request(p) {
		return { method: 'GET', path: rtm`clients/${p.clientIdSegment('clientId')}/blacklists` };
	},
	list: cursorPages('conv_ids', 50, (item, p) => ({ clientId: p.string('clientId'), conversationId: item as string })),
};
