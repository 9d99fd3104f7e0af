import type { IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import { sendRequest } from '../transport/request';
import type { RequestSpec } from './requestSpec';
import { sendWithPolicy, type RetryPolicy } from './retry';

/**
 * Reads outside the action node's item loop (the trigger's polls): the same transport, retries and 429
 * handling, with a fixed policy. A poll must end well before the next one, so 429 waits are bounded by a
 * minute and every request by the timeout.
 */
export const READ_POLICY: RetryPolicy = { retryOnRateLimit: true, maxRateLimitWaitMs: 60_000, retryOnErrors: 'safe', maxAttempts: 3 };
const READ_TIMEOUT_MS = 30_000;

/** A `send` for read requests with the Master Key, as paging helpers expect it. */
export function masterKeyReads(context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions, signal?: AbortSignal) {
	return async (spec: RequestSpec) =>
		await sendWithPolicy(async (request) => await sendRequest(context, request, { key: 'master', timeoutMs: READ_TIMEOUT_MS, signal }), spec, {
			policy: READ_POLICY,
			signal,
		});
}
