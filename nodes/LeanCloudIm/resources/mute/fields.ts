import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { clientIdField } from '../../../shared/fields/clientIdField';
import { clientIdsField } from '../../fields/common';
import { CHAT_ROOM, CONVERSATION } from '../../../shared/conversations/kinds';
import { kindFields } from '../../fields/conversationType';
import type { Params } from '../../../shared/params/params';

/** Longest temporary mute LeanCloud accepts: 24 hours. */
export const MAX_MUTE_SECONDS = 86400;

export const MUTE_TYPES = ['temporary', 'permanent'] as const;

export function muteTypeField(description: string): INodeProperties {
	return {
		displayName: 'Mute Type',
		name: 'muteType',
		type: 'options',
		default: 'temporary',
		options: [
			{ name: 'Temporary', value: 'temporary', description: 'For a number of seconds, at most 24 hours' },
			{ name: 'Permanent', value: 'permanent', description: 'Until it is removed' },
		],
		description,
	};
}

/** Mutes (LeanCloud's "silencing") exist for conversations and chat rooms. */
export const MUTE_KINDS = [CHAT_ROOM, CONVERSATION];

export const muteTarget = kindFields(MUTE_KINDS, (kind) => `The ${kind.noun} the member is in`);

/** Client IDs a permanent mute takes per request: LeanCloud's list holds at most 500 per conversation. */
export const MAX_PERMANENT_MUTES = 500;

/**
 * Who is muted or unmuted: one client for a temporary mute (LeanCloud's `client_id`), one or more for a
 * permanent one (`client_ids`), as the API takes them.
 */
export function mutedClientsFields(verb: string): INodeProperties[] {
	return [
		clientIdField({
			description: `Client ID of the member to ${verb}. A temporary mute takes one client; to ${verb} several, add one item per client.`,
			displayOptions: { show: { muteType: ['temporary'] } },
		}),
		clientIdsField({
			description: `Client IDs of the members to ${verb}, separated by commas`,
			displayOptions: { show: { muteType: ['permanent'] } },
		}),
	];
}

/** One output item per client, so `clientId` reads the same for either mute type. */
export function muteOutput(p: Params, muted: boolean): IDataObject[] {
	const muteType = p.oneOf('muteType', MUTE_TYPES, 'temporary');
	const base = { conversationId: p.string('conversationId') };
	if (muteType === 'permanent') return p.clientIds('clientIds').map((clientId) => ({ ...base, clientId, muted, muteType }));
	const json: IDataObject = { ...base, clientId: p.string('clientId'), muted, muteType };
	if (muted) json.ttl = Number(p.raw('ttl'));
	return [json];
}
