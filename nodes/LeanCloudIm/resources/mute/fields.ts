import type { INodeProperties } from 'n8n-workflow';

/** Longest temporary mute LeanCloud accepts: 24 hours. */
export const MAX_MUTE_SECONDS = 86400;

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
