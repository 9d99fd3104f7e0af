import type { ICredentialsDecrypted, IExecuteFunctions, ILoadOptionsFunctions, IPollFunctions } from 'n8n-workflow';

import { decryptedCredential, sendRequest } from '../transport/request';
import type { RequestSpec } from './requestSpec';
import { sendWithPolicy, type RetryPolicy } from './retry';

/**
 * Reads outside the action node's item loop (the trigger's polls): the same transport, retries and 429
 * handling, with a fixed policy. A poll must end well before the next one, so 429 waits are bounded by a
 * minute and every request by the timeout.
 */
export const READ_POLICY: RetryPolicy = { retryOnRateLimit: true, maxRateLimitWaitMs: 60_000, retryOnErrors: 'safe', maxAttempts: 3 };

/**
 * A `send` for read requests with the Master Key, as paging helpers expect it; the credential is decrypted
 * once for all of its requests, and each request has the transport's default timeout.
 */
export function masterKeyReads(context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions, signal?: AbortSignal) {
	let credentials: Promise<ICredentialsDecrypted> | undefined;
	return async (spec: RequestSpec) => {
		credentials ??= decryptedCredential(context);
		const decrypted = await credentials;
		return await sendWithPolicy(async (request) => await sendRequest(context, request, { key: 'master', signal, credentials: decrypted }), spec, {
			policy: READ_POLICY,
			signal,
		});
	};
}
