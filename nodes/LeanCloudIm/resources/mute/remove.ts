import { clientIdField } from '../../descriptions/common';
import { objectIdSegment, readKind } from '../../descriptions/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';
import { muteTypeField, MUTE_KINDS, MUTE_TYPES, muteTarget } from './fields';

export const remove: OperationDef = {
	value: 'remove',
	name: 'Remove',
	action: 'Unmute a member',
	description: 'Let a muted member send messages again',
	properties: [
		...muteTarget,
		clientIdField({ description: 'Client ID of the member to unmute' }),
		muteTypeField('Which mute to lift: the temporary one or the permanent one'),
	],
	request(p) {
		const kind = readKind(p, MUTE_KINDS);
		const id = objectIdSegment(p);
		const clientId = p.clientId('clientId');
		if (p.oneOf('muteType', MUTE_TYPES, 'temporary') === 'permanent') {
			return { method: 'DELETE', path: rtm`${kind.collection}/${id}/permanent-silenceds`, body: { client_ids: [clientId] } };
		}
		// Temporary mutes are lifted with a query parameter, not a body.
		return { method: 'DELETE', path: rtm`${kind.collection}/${id}/temporary-silenceds`, query: { client_id: clientId } };
	},
	output: (_body, p) => ({
		conversationId: p.string('conversationId'),
		clientId: p.string('clientId'),
		muted: false,
		muteType: p.string('muteType'),
	}),
};
