import { clientIdsField, conversationLocator } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';

export const remove: OperationDef = {
	value: 'remove',
	name: 'Remove',
	action: 'Remove members from a conversation',
	description: 'Remove one or more clients from a group conversation',
	properties: [conversationLocator(), clientIdsField({ description: 'Client IDs to remove' })],
	request(p) {
		const id = p.id('conversationId');
		// The API takes the IDs as a JSON body on DELETE.
		return { method: 'DELETE', path: rtm`conversations/${id}/members`, body: { client_ids: p.clientIds('clientIds', { max: 500 }) } };
	},
};
