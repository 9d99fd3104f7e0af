import { objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { blockedConversationLocator, clientField } from './fields';

export const unblock: OperationDef = {
	value: 'unblock',
	name: 'Unblock Conversation',
	action: 'Unblock a conversation for a client',
	description: 'Take a conversation off a client\'s own blacklist',
	properties: [clientField, blockedConversationLocator],
	request(p) {
		const client = p.clientIdSegment('clientId');
		// This DELETE takes a JSON body, as LeanCloud documents it.
		return { method: 'DELETE', path: rtm`clients/${client}/blacklists`, body: { conv_id: objectIdSegment(p).value } };
	},
	output: (_body, p) => ({ clientId: p.string('clientId'), conversationId: p.string('conversationId'), blocked: false }),
};
