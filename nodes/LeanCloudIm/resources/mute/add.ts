import { objectIdSegment } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { MAX_MUTE_SECONDS, MAX_PERMANENT_MUTES, mutedClientsFields, muteOutput, muteTypeField, MUTE_KINDS, MUTE_TYPES, muteTarget } from './fields';

export const add: OperationDef = {
	value: 'add',
	name: 'Add',
	action: 'Mute a member',
	description: 'Stop members from sending messages in a conversation, one for a while or several permanently',
	properties: [
		...muteTarget,
		muteTypeField('Whether the mute ends by itself after a duration or lasts until removed'),
		...mutedClientsFields('mute'),
		{
			displayName: 'Duration (Seconds)',
			name: 'ttl',
			type: 'number',
			default: 600,
			typeOptions: { minValue: 1, maxValue: MAX_MUTE_SECONDS },
			description: 'How long the member stays muted, from 1 second to 86,400 (24 hours)',
			displayOptions: { show: { muteType: ['temporary'] } },
		},
	],
	request(p) {
		const kind = readKind(p, MUTE_KINDS);
		const id = objectIdSegment(p);
		if (p.oneOf('muteType', MUTE_TYPES, 'temporary') === 'permanent') {
			const clientIds = p.clientIds('clientIds', { max: MAX_PERMANENT_MUTES });
			return { method: 'POST', path: rtm`${kind.collection}/${id}/permanent-silenceds`, body: { client_ids: clientIds } };
		}
		const clientId = p.clientId('clientId');
		const ttl = p.integer('ttl', { min: 1, max: MAX_MUTE_SECONDS });
		return { method: 'POST', path: rtm`${kind.collection}/${id}/temporary-silenceds`, body: { client_id: clientId, ttl } };
	},
	output: (_body, p) => muteOutput(p, true),
};
