import { sleep } from 'n8n-workflow';

/** The execution was stopped (n8n's cancel signal) while the node was waiting or sending. */
export class CancelledError extends Error {
	constructor() {
		super('The execution was cancelled');
		this.name = 'CancelledError';
	}
}

/**
 * Waits `ms`, or rejects with CancelledError as soon as `signal` aborts. n8n-workflow has no abortable
 * sleep in every version this package supports, so the abort races n8n's own `sleep`.
 */
export async function wait(ms: number, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) throw new CancelledError();
	if (ms <= 0) return;
	await new Promise<void>((resolve, reject) => {
		const onAbort = () => reject(new CancelledError());
		signal?.addEventListener('abort', onAbort, { once: true });
		void sleep(ms).then(() => {
			signal?.removeEventListener('abort', onAbort);
			resolve();
		});
	});
}
