import { clientIdField, conversationLocator } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';
import { muteTypeField } from './fields';

export const remove: OperationDef = {
	value: 'remove',
	name: 'Remove',
	action: 'Unmute a member',
	description: 'Let a muted member send messages again',
	properties: [
		conversationLocator(),
		clientIdField({ description: 'Client ID of the member to unmute' }),
		muteTypeField('Which mute to lift: the temporary one or the permanent one'),
	],
	request(p) {
		const id = p.id('conversationId');
		const clientId = p.clientId('clientId');
		if (p.string('muteType') === 'permanent') {
			return { method: 'DELETE', path: rtm`conversations/${id}/permanent-silenceds`, body: { client_ids: [clientId] } };
		}
		// Temporary mutes are lifted with a query parameter, not a body.
		return { method: 'DELETE', path: rtm`conversations/${id}/temporary-silenceds`, query: { client_id: clientId } };
	},
	output: (_body, p) => ({
		conversationId: p.string('conversationId'),
		clientId: p.string('clientId'),
		muted: false,
		muteType: p.string('muteType'),
	}),
};
