import { conversationLocator } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';

export const deleteConversation: OperationDef = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a conversation',
	description: 'Delete a conversation permanently; its members can no longer use it',
	properties: [conversationLocator('The conversation to delete')],
	request(p) {
		return { method: 'DELETE', path: rtm`conversations/${p.id('conversationId')}` };
	},
	output: () => ({ deleted: true }),
};
