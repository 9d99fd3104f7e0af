import type { HttpMethod, RequestSpec } from './requestSpec';
import { QUOTA_WINDOW_MS, type Pacer } from './pace';
import { settle } from '../errors/settle';
import { wait } from './wait';
import { CancelledError } from '../errors/cancelledError';
import { LeanCloudFailure, RequestAbortedError } from '../errors/leanCloudFailure';
import { MAX_WAIT_ADVICE, QuotaWaitError } from '../errors/quotaWaitError';

export interface RetryPolicy {
	/** Whether a 429 waits for the quota and resends. */
	retryOnRateLimit: boolean;
	/** Longest total time one request may spend waiting for the quota (pacing and 429s) before the item fails. */
	maxRateLimitWaitMs: number;
	/** Which requests are resent after a 5xx or a network error: `safe` = those that cannot duplicate (GET, PUT, DELETE). */
	retryOnErrors: 'safe' | 'all' | 'never';
	/** Attempts in all for 5xx and network errors. */
	maxAttempts: number;
}

/**
 * Reads outside the action node's item loop (the trigger's polls): a poll must end well before the next one,
 * so 429 waits are bounded by a minute and every request by the transport's timeout.
 */
export const READ_POLICY: RetryPolicy = { retryOnRateLimit: true, maxRateLimitWaitMs: 60_000, retryOnErrors: 'safe', maxAttempts: 3 };

/** The editor's pickers: someone is waiting for the list, so a 429 is waited out for a few seconds at most. */
export const PICKER_POLICY: RetryPolicy = { retryOnRateLimit: true, maxRateLimitWaitMs: 10_000, retryOnErrors: 'safe', maxAttempts: 2 };

const SAFE_METHODS: HttpMethod[] = ['GET', 'PUT', 'DELETE'];
const MAX_BACKOFF_MS = 10_000;
/**
 * The shortest wait after a 429, whatever Retry-After says: a server answering `Retry-After: 0` (or 0.001) forever
 * would otherwise be asked again in a tight loop, since waits of 0 ms never add up to Max Wait.
 */
export const MIN_RATE_LIMIT_WAIT_MS = 1_000;
/** 429s one request takes before it fails, however short the waits: a bound no server answer can move. */
export const MAX_RATE_LIMIT_REFUSALS = 10;

function resendsAfterError(method: HttpMethod, policy: RetryPolicy): boolean {
	if (policy.retryOnErrors === 'never') return false;
	return policy.retryOnErrors === 'all' || SAFE_METHODS.includes(method);
}

/**
 * Sends one request under the quota and retry policy. A 429 means LeanCloud refused the request, so resending
 * cannot duplicate it: wait for the quota (shared with every other request through the pacer) and resend,
 * re-signed. A 5xx or a lost connection may hide a request that did arrive, so only requests that cannot
 * duplicate are resent unless the user opted in. Every wait (pacing, 429 blocks, Retry-After) counts
 * against Max Wait, so no server answer can hold an item longer; and nothing is sent once `signal` aborts.
 */
export async function sendWithPolicy(
	/** Sends once; calls `answered` when the server's answer begins to arrive (the server has counted the request by then). */
	send: (spec: RequestSpec, answered?: () => void) => Promise<unknown>,
	spec: RequestSpec,
	{ policy, pacer, signal }: { policy: RetryPolicy; pacer?: Pacer; signal?: AbortSignal },
): Promise<unknown> {
	let waited = 0;
	let refusals = 0;
	const waitWithin = async (ms: number) => {
		if (waited + ms > policy.maxRateLimitWaitMs) throw new QuotaWaitError(ms, policy.maxRateLimitWaitMs);
		waited += ms;
		await wait(ms, signal);
	};
	for (let attempt = 1; ; attempt++) {
		if (pacer) for (let delay = pacer.delay(); delay > 0; delay = pacer.delay()) await waitWithin(delay);
		// The last check before the wire: after a failure elsewhere (or a cancel) nothing new is sent.
		if (signal?.aborted) throw new CancelledError();
		const slot = pacer?.start();
		// The place is held until a window after the answer began to arrive: the server counted the request before it
		// answered. Reading and parsing the body (slow on a busy n8n) do not push the next window back.
		const finish = () => {
			if (slot && slot.end === Infinity) pacer?.finish(slot);
		};
		const outcome = await settle(send(spec, finish));
		finish();
		if (outcome.ok) {
			pacer?.succeeded();
			return outcome.value;
		}
		const error = outcome.error;
		if (error instanceof RequestAbortedError) throw new CancelledError();
		if (!(error instanceof LeanCloudFailure)) throw error;
		const { status, retryAfterMs } = error.details;
		if (status === 429) {
			// With retries off the item just fails; the quota is left to LeanCloud to enforce.
			if (!policy.retryOnRateLimit) throw error;
			refusals += 1;
			const refused = refusals === 1 ? 'once' : `${refusals} times`;
			if (refusals > MAX_RATE_LIMIT_REFUSALS) {
				throw new LeanCloudFailure(`${error.message} (LeanCloud refused the request ${refused})`, {
					...error.details,
					hint: `LeanCloud answered 429 to this request ${refusals} times in a row, so the node stopped asking. ${MAX_WAIT_ADVICE}`,
				});
			}
			// No answer makes the wait shorter than the floor; an unusable Retry-After (none, negative, not a number or a
			// date) is LeanCloud's documented one-minute window.
			const told = retryAfterMs === undefined ? undefined : Math.max(MIN_RATE_LIMIT_WAIT_MS, retryAfterMs);
			const blockedFor = pacer ? pacer.rateLimited(told) : (told ?? QUOTA_WINDOW_MS);
			if (waited + blockedFor > policy.maxRateLimitWaitMs) {
				// LeanCloud's own 429 is the item's error; the hint says why the node did not wait it out.
				throw new LeanCloudFailure(error.message, {
					...error.details,
					hint: `LeanCloud's rate limit was reached (it refused the request ${refused}) and waiting it out would take ${Math.ceil(blockedFor / 1000)} s more, beyond Options > Max Wait for Rate Limit (${Math.round(policy.maxRateLimitWaitMs / 1000)} s). ${MAX_WAIT_ADVICE}`,
				});
			}
			// With a pacer the wait happens in its delay loop above (and is counted there).
			if (!pacer) await waitWithin(blockedFor);
			continue;
		}
		const serverOrNetwork = status === undefined || status >= 500;
		if (!serverOrNetwork || attempt >= policy.maxAttempts || !resendsAfterError(spec.method, policy)) throw error;
		const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (attempt - 1));
		// A Retry-After on a 5xx is honoured only within Max Wait: an hour-long one fails the item instead.
		if (retryAfterMs !== undefined && retryAfterMs > policy.maxRateLimitWaitMs) throw error;
		await wait(retryAfterMs ?? backoff, signal);
	}
}
