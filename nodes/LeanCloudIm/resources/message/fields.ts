import type { IDataObject } from 'n8n-workflow';

import { LeanCloudFailure } from '../../transport/request';
import type { Params } from '../../engine/params';

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
 * The send result, documented as {"msg-id", "timestamp"} but observed wrapped as {"result": {...}}:
 * both are accepted.
 */
export function sendResult(body: unknown): { messageId: string; timestamp: number } {
	const outer = (body ?? {}) as IDataObject;
	const inner = (typeof outer.result === 'object' && outer.result !== null ? outer.result : outer) as IDataObject;
	const messageId = inner['msg-id'];
	const timestamp = inner.timestamp;
	if (typeof messageId !== 'string' || typeof timestamp !== 'number') {
		throw new LeanCloudFailure('The send response has no msg-id and timestamp', { status: 200 });
	}
	return { messageId, timestamp };
}
