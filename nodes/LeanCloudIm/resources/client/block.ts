import { objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { blockedConversationLocator, clientField } from './fields';

export const block: OperationDef = {
	value: 'block',
	name: 'Block Conversation',
	action: 'Block a conversation for a client',
	description: 'Stop a client from receiving a group conversation, chat room or service conversation (the client\'s own blacklist)',
	properties: [clientField, blockedConversationLocator],
	request(p) {
		const client = p.clientIdSegment('clientId');
		return { method: 'POST', path: rtm`clients/${client}/blacklists`, body: { conv_id: objectIdSegment(p).value } };
	},
	output: (_body, p) => ({ clientId: p.string('clientId'), conversationId: p.string('conversationId'), blocked: true }),
};
