import { CancelledError } from '../../shared/errors/cancelledError';

/**
 * Runs `count` tasks with at most `concurrency` in flight, never two with the same key at once, and tasks
 * of one key in input order. A worker that meets a busy key hands the task to that key's running chain and
 * moves on, so one busy conversation does not hold up the others. Only indices wait in memory. Once
 * `signal` aborts no task starts, and the call settles when the running ones have.
 */
export async function runScheduled(
	count: number,
	concurrency: number,
	keyOf: (index: number) => string | undefined,
	run: (index: number) => Promise<void>,
	signal?: AbortSignal,
): Promise<void> {
	let cursor = 0;
	const chains = new Map<string, number[]>();

	async function runChain(first: number, key: string | undefined): Promise<void> {
		let current: number | undefined = first;
		while (current !== undefined) {
			if (signal?.aborted) throw new CancelledError();
			await run(current);
			if (key === undefined) return;
			const waiting = chains.get(key) as number[];
			current = waiting.shift();
			if (current === undefined) chains.delete(key);
		}
	}

	async function worker(): Promise<void> {
		while (cursor < count) {
			if (signal?.aborted) throw new CancelledError();
			const index = cursor++;
			const key = keyOf(index);
			if (key !== undefined) {
				const waiting = chains.get(key);
				if (waiting) {
					waiting.push(index);
					continue;
				}
				chains.set(key, []);
			}
			await runChain(index, key);
		}
	}

	const workers = Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, async () => await worker());
	// Every worker is waited for, even after one stopped: tasks already running finish (their requests are
	// on the wire, and only their answers tell whether they were delivered) before the caller reports.
	const settled = await Promise.allSettled(workers);
	const failed = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
	if (failed) throw failed.reason;
}
