import { clientIdsField } from '../../fields/common';
import { CONVERSATION, kindLocator, objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';

export const remove: OperationDef = {
	value: 'remove',
	name: 'Remove',
	action: 'Remove members from a conversation',
	description: 'Remove one or more clients from a group conversation',
	properties: [kindLocator(CONVERSATION), clientIdsField({ description: 'Client IDs to remove' })],
	request(p) {
		const id = objectIdSegment(p);
		// The API takes the IDs as a JSON body on DELETE.
		return { method: 'DELETE', path: rtm`conversations/${id}/members`, body: { client_ids: p.clientIds('clientIds', { max: 500 }) } };
	},
};
