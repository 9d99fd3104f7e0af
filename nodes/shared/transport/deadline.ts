import type { IHttpRequestOptions } from 'n8n-workflow';

import { onAbort as watchAbort } from '../signals/onAbort';

/** One request's deadline joined with the caller's signal: whichever comes first ends the exchange. */
export interface Deadline {
	/** Aborts at the deadline or when the caller's signal does. */
	signal: AbortSignal;
	/** Rejects with `reason()` when `signal` aborts: raced against a helper that might ignore the signal. */
	reached: Promise<never>;
	/** Unlinks everything (call once the request has ended, so nothing is kept for it). */
	end(): void;
}

/**
 * The deadline and the caller's signal, linked by hand and unlinked when the request ends: one shared listener
 * on the execution's cancel signal, not one per request (see signals/onAbort.ts).
 */
export function startDeadline(timeoutMs: number, caller: AbortSignal | undefined, reason: () => Error): Deadline {
	const timer = AbortSignal.timeout(timeoutMs);
	const link = new AbortController();
	const abortLink = () => link.abort();
	timer.addEventListener('abort', abortLink, { once: true });
	const stopWatching = caller ? watchAbort(caller, abortLink) : () => {};
	let onAbort = () => {};
	const reached = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(reason());
		link.signal.addEventListener('abort', onAbort, { once: true });
	});
	reached.catch(() => {});
	return {
		signal: link.signal,
		reached,
		end: () => {
			link.signal.removeEventListener('abort', onAbort);
			timer.removeEventListener('abort', abortLink);
			stopWatching();
		},
	};
}

/**
 * `context` as n8n's HTTP helpers should see it: they replace a request's `abortSignal` with the execution's cancel
 * signal, read from the calling context, so a context whose cancel signal is `signal` (the deadline joined with the
 * node's stop) gets it through.
 */
export function cancelledBy<T extends object>(context: T, signal: AbortSignal): T {
	return Object.create(context, { getExecutionCancelSignal: { value: () => signal } }) as T;
}

/**
 * The rules every request follows, to the API Server or any other host: statuses read by the caller (never thrown
 * with the request's options in them), no redirect followed, the body as a stream (read with a cap), and the
 * deadline's signal; the timeout is also a socket idle timeout, in case a helper drops the signal.
 */
export function boundedOptions(deadline: Deadline, timeoutMs: number): Pick<IHttpRequestOptions, 'ignoreHttpStatusErrors' | 'returnFullResponse' | 'disableFollowRedirect' | 'encoding' | 'abortSignal' | 'timeout'> {
	return { ignoreHttpStatusErrors: true, returnFullResponse: true, disableFollowRedirect: true, encoding: 'stream', abortSignal: deadline.signal, timeout: timeoutMs };
}
