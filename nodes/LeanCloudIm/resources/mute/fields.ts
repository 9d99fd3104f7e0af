import type { INodeProperties } from 'n8n-workflow';
import { CHAT_ROOM, CONVERSATION, kindFields } from '../../descriptions/kinds';

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
