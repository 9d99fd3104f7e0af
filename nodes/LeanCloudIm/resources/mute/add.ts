import type { IDataObject } from 'n8n-workflow';

import { clientIdField } from '../../descriptions/common';
import { objectIdSegment, readKind } from '../../descriptions/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';
import { MAX_MUTE_SECONDS, muteTypeField, MUTE_KINDS, MUTE_TYPES, muteTarget } from './fields';

export const add: OperationDef = {
	value: 'add',
	name: 'Add',
	action: 'Mute a member',
	description: 'Stop a member from sending messages in a conversation, for a while or permanently',
	properties: [
		...muteTarget,
		clientIdField({ description: 'Client ID of the member to mute' }),
		muteTypeField('Whether the mute ends by itself after a duration or lasts until removed'),
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
		const clientId = p.clientId('clientId');
		if (p.oneOf('muteType', MUTE_TYPES, 'temporary') === 'permanent') {
			return { method: 'POST', path: rtm`${kind.collection}/${id}/permanent-silenceds`, body: { client_ids: [clientId] } };
		}
		const ttl = p.integer('ttl', { min: 1, max: MAX_MUTE_SECONDS });
		return { method: 'POST', path: rtm`${kind.collection}/${id}/temporary-silenceds`, body: { client_id: clientId, ttl } };
	},
	output(_body, p) {
		const json: IDataObject = {
			conversationId: p.string('conversationId'),
			clientId: p.string('clientId'),
			muted: true,
			muteType: p.string('muteType'),
		};
		if (json.muteType === 'temporary') json.ttl = Number(p.raw('ttl'));
		return json;
	},
};
