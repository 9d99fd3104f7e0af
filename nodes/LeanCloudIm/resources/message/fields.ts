import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { clientIdField } from '../../../shared/fields/clientIdField';
import { clientIdsField } from '../../fields/common';
import { CHAT_ROOM, CONVERSATION, SERVICE_CONVERSATION } from '../../../shared/conversations/kinds';
import { kindFields } from '../../fields/conversationType';
import type { Params } from '../../../shared/params/params';
import { ResponseProblem } from '../../../shared/errors/responseProblem';

/** Largest Unix millisecond timestamp accepted (year 2286): catches seconds-vs-milliseconds mix-ups only at the low end. */
const MAX_TIMESTAMP_MS = 9_999_999_999_999;

/** Message timestamps are milliseconds; a value in seconds would address a message in 1970. */
export function messageTimestamp(p: Params): number {
	const timestamp = p.integer('timestamp', { min: 1, max: MAX_TIMESTAMP_MS });
	if (timestamp < 100_000_000_000) {
		p.fail('timestamp', `looks like seconds (${timestamp}); LeanCloud needs milliseconds, as output by Send`);
	}
	return timestamp;
}

/** What Update, Recall and Delete need to find the message, in the names their parameters use. */
export function messageReference(p: Params): IDataObject {
	return {
		conversationId: p.string('conversationId'),
		messageId: p.string('messageId'),
		timestamp: Number(p.raw('timestamp')),
		fromClient: p.string('fromClient'),
	};
}

/**
 * The send result, in either envelope README names ({"msg-id", "timestamp"}, or wrapped as {"result": {...}}; "API facts the code relies on"):
 * both are accepted.
 */
export function sendResult(body: unknown): { messageId: string; timestamp: number } {
	const outer = (body ?? {}) as IDataObject;
	const inner = (typeof outer.result === 'object' && outer.result !== null ? outer.result : outer) as IDataObject;
	const messageId = inner['msg-id'];
	const timestamp = inner.timestamp;
	if (typeof messageId !== 'string' || typeof timestamp !== 'number') {
		throw new ResponseProblem('The send response has no msg-id and timestamp', 'The message may have been sent. Check the conversation\'s history before sending it again.');
	}
	return { messageId, timestamp };
}

/** Messages are sent, edited and read in all three kinds; a service conversation's per-user messages go to named recipients. */
export const MESSAGE_KINDS = [CHAT_ROOM, CONVERSATION, SERVICE_CONVERSATION];

export const messageTarget = kindFields(MESSAGE_KINDS, (kind) =>
	kind === SERVICE_CONVERSATION ? 'The service conversation whose per-user messages to work with' : `The ${kind.noun} the message is in`,
);

/** Recipients a service conversation sends to one by one; LeanCloud takes at most 20 per request. */
export const MAX_RECIPIENTS = 20;

export function recipientsField(description: string): INodeProperties {
	return clientIdsField({
		displayName: 'Recipients',
		name: 'toClients',
		description,
		displayOptions: { show: { conversationType: [SERVICE_CONVERSATION.value] } },
	});
}

/** The subscriber whose copy of a service conversation is addressed (history and delete are per subscriber). */
export function subscriberField(description: string): INodeProperties {
	return clientIdField({
		displayName: 'Subscriber Client ID',
		name: 'subscriberId',
		description,
		displayOptions: { show: { conversationType: [SERVICE_CONVERSATION.value] } },
	});
}
