import { objectIdSegment } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { MAX_PERMANENT_MUTES, mutedClientsFields, muteOutput, muteTypeField, MUTE_KINDS, MUTE_TYPES, muteTarget } from './fields';

export const remove: OperationDef = {
	value: 'remove',
	name: 'Remove',
	action: 'Unmute a member',
	description: 'Let muted members send messages again: one temporarily muted member, or several permanently muted ones',
	properties: [...muteTarget, muteTypeField('Which mute to lift: the temporary one or the permanent one'), ...mutedClientsFields('unmute')],
	request(p) {
		const kind = readKind(p, MUTE_KINDS);
		const id = objectIdSegment(p);
		if (p.oneOf('muteType', MUTE_TYPES, 'temporary') === 'permanent') {
			const clientIds = p.clientIds('clientIds', { max: MAX_PERMANENT_MUTES });
			return { method: 'DELETE', path: rtm`${kind.collection}/${id}/permanent-silenceds`, body: { client_ids: clientIds } };
		}
		// Temporary mutes are lifted with a query parameter, not a body.
		return { method: 'DELETE', path: rtm`${kind.collection}/${id}/temporary-silenceds`, query: { client_id: p.clientId('clientId') } };
	},
	output: (_body, p) => muteOutput(p, false),
};
