import type { INodeProperties } from 'n8n-workflow';

import { kindLocator, SERVICE_CONVERSATION } from '../../../shared/conversations/kinds';
import type { Bucket } from '../../../shared/sending/requestSpec';
import type { Params } from '../../../shared/params/params';

/**
 * Broadcasts come from a service conversation and reach either its subscribers or every user of the app.
 * The two audiences count against different LeanCloud quotas (README, "API facts the code relies on"): 30 a minute for subscriber broadcasts, 10 for app-wide ones.
 */
export const AUDIENCES = { everyone: 'everyone', subscribers: 'subscribers' } as const;

export function audienceField(description: string): INodeProperties {
	return {
		displayName: 'Audience',
		name: 'audience',
		type: 'options',
		default: 'subscribers',
		options: [
			{
				name: 'All Users of the App',
				value: AUDIENCES.everyone,
				description: 'An app-wide broadcast: every user receives it, including users who never subscribed (10 a minute, 30 a day)',
			},
			{
				name: 'Subscribers',
				value: AUDIENCES.subscribers,
				description: 'The clients subscribed to the service conversation (30 a minute, 1,000 a day)',
			},
		],
		description,
	};
}

export function readAudience(p: Params): { everyone: boolean; bucket: Bucket } {
	const audience = p.string('audience') || AUDIENCES.subscribers;
	if (audience !== AUDIENCES.everyone && audience !== AUDIENCES.subscribers) {
		p.fail('audience', `must be ${AUDIENCES.everyone} or ${AUDIENCES.subscribers}, got "${audience}"`);
	}
	const everyone = audience === AUDIENCES.everyone;
	return { everyone, bucket: everyone ? 'broadcast' : 'subscriber' };
}

export const senderConversationLocator = kindLocator(SERVICE_CONVERSATION, 'The service conversation the broadcast comes from');

/** How far ahead an app-wide broadcast may stay valid: LeanCloud allows (and defaults to) one month. */
export const MAX_VALIDITY_MS = 31 * 24 * 60 * 60 * 1000;
