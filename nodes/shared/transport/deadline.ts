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
