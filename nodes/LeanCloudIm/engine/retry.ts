import type { HttpMethod, RequestSpec } from './operation';
import { QUOTA_WINDOW_MS, type Pacer } from './pace';
import { settle } from './settle';
import { wait } from './wait';
import { LeanCloudFailure } from '../transport/request';

export interface RetryPolicy {
	/** Whether a 429 waits for the quota and resends. */
	retryOnRateLimit: boolean;
	/** Longest total time one request may spend waiting for the quota before the item fails. */
	maxRateLimitWaitMs: number;
	/** Which requests are resent after a 5xx or a network error: `safe` = those that cannot duplicate (GET, PUT, DELETE). */
	retryOnErrors: 'safe' | 'all' | 'never';
	/** Attempts in all for 5xx and network errors. */
	maxAttempts: number;
}

const SAFE_METHODS: HttpMethod[] = ['GET', 'PUT', 'DELETE'];
const MAX_BACKOFF_MS = 10_000;

function resendsAfterError(method: HttpMethod, policy: RetryPolicy): boolean {
	if (policy.retryOnErrors === 'never') return false;
	return policy.retryOnErrors === 'all' || SAFE_METHODS.includes(method);
}

/**
 * Sends one request under the quota and retry policy. A 429 means LeanCloud refused the request, so resending
 * cannot duplicate it: wait for the quota (shared with every other request through the pacer) and resend,
 * re-signed. A 5xx or a lost connection may hide a request that did arrive, so only requests that cannot
 * duplicate are resent unless the user opted in. Waits end at once when the execution is cancelled.
 */
export async function sendWithPolicy(
	send: (spec: RequestSpec) => Promise<unknown>,
	spec: RequestSpec,
	{ policy, pacer, signal }: { policy: RetryPolicy; pacer?: Pacer; signal?: AbortSignal },
): Promise<unknown> {
	let rateLimitWaited = 0;
	for (let attempt = 1; ; attempt++) {
		if (pacer) {
			for (let delay = pacer.delay(); delay > 0; delay = pacer.delay()) await wait(delay, signal);
			pacer.start();
		}
		const outcome = await settle(send(spec));
		if (outcome.ok) {
			pacer?.succeeded();
			return outcome.value;
		}
		const error = outcome.error;
		if (!(error instanceof LeanCloudFailure)) throw error;
		const { status, retryAfterMs } = error.details;
		if (status === 429) {
			// With retries off the item just fails; the quota is left to LeanCloud to enforce.
			if (!policy.retryOnRateLimit) throw error;
			const blockedFor = pacer ? pacer.rateLimited(retryAfterMs) : (retryAfterMs ?? QUOTA_WINDOW_MS);
			if (rateLimitWaited + blockedFor > policy.maxRateLimitWaitMs) throw error;
			rateLimitWaited += blockedFor;
			if (!pacer) await wait(blockedFor, signal);
			continue;
		}
		const serverOrNetwork = status === undefined || status >= 500;
		if (!serverOrNetwork || attempt >= policy.maxAttempts || !resendsAfterError(spec.method, policy)) throw error;
		await wait(retryAfterMs ?? Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempt - 1)), signal);
	}
}
