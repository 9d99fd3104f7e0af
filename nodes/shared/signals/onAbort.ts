/**
 * Runs `fn` when `signal` aborts, through one listener per signal however many callers wait on it. An
 * execution's cancel signal is shared by every request and wait of that execution: a listener each would pass
 * Node's limit of 10 listeners per signal at Concurrency 11 and fill n8n's log with MaxListenersExceededWarning.
 * Returns the function that stops watching (call it when done, so nothing is kept for a finished wait).
 */
const watchers = new WeakMap<AbortSignal, Set<() => void>>();

export function onAbort(signal: AbortSignal, fn: () => void): () => void {
	if (signal.aborted) {
		fn();
		return () => {};
	}
	let callbacks = watchers.get(signal);
	if (!callbacks) {
		const created = new Set<() => void>();
		callbacks = created;
		watchers.set(signal, created);
		signal.addEventListener(
			'abort',
			() => {
				for (const callback of [...created]) callback();
				created.clear();
			},
			{ once: true },
		);
	}
	const registered = callbacks;
	registered.add(fn);
	return () => {
		registered.delete(fn);
	};
}
