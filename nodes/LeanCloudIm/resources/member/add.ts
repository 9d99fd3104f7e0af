import { clientIdsField } from '../../fields/common';
import { CONVERSATION, kindLocator, objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';

export const add: OperationDef = {
	value: 'add',
	name: 'Add',
	action: 'Add members to a conversation',
	description: 'Add one or more clients to a group conversation',
	properties: [
		kindLocator(CONVERSATION),
		clientIdsField({ description: 'Client IDs to add. A conversation holds at most 500 members.' }),
	],
	request(p) {
		const id = objectIdSegment(p);
		return { method: 'POST', path: rtm`conversations/${id}/members`, body: { client_ids: p.clientIds('clientIds', { max: 500 }) } };
	},
};
