import { sleep } from 'n8n-workflow';

import { CancelledError } from '../errors/cancelledError';
import { onAbort } from '../signals/onAbort';

/**
 * The longest single timer a wait arms. n8n-workflow's `sleep` cannot be cancelled (and node code may not
 * use timers directly), so a long wait is a chain of short sleeps: an abort rejects at once, and what is
 * left behind is at most one short timer, never a minute-long one keeping the process or a test run alive.
 */
const SLICE_MS = 200;

/** Waits `ms`, or rejects with CancelledError as soon as `signal` aborts. */
export async function wait(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) throw new CancelledError();
	if (ms <= 0) return;
	await new Promise<void>((resolve, reject) => {
		let settled = false;
		const stopWatching = signal
			? onAbort(signal, () => {
					settled = true;
					reject(new CancelledError());
				})
			: () => {};
		const end = Date.now() + ms;
		const step = (): void => {
			if (settled) return;
			const left = end - Date.now();
			if (left <= 0) {
				settled = true;
				stopWatching();
				resolve();
				return;
			}
			void sleep(Math.min(left, SLICE_MS)).then(step);
		};
		step();
	});
}
