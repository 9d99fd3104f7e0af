/**
 * The hook trigger's memory of the calls it accepted, so that a captured call sent again is refused. A memory in one
 * process cannot know what happened before the process started, nor hold more than `max` calls; instead of
 * forgetting, it refuses what it could not tell apart from a replay:
 * - calls signed before `startedAt` (the n8n process's start): a replay across a restart;
 * - calls signed no later than the newest call it had to forget to stay within `max` (under a flood, a window
 *   shorter than the replay window, never a hole in it);
 * - calls it remembers.
 * Module state, per n8n process: several webhook processes (queue mode) each keep their own, which holds only if
 * every call with a given request ID reaches the same process (README, "Security": route by X-LC-IM-Request-Id).
 */
export class ReplayGuard {
	/** Request ID → the time it was signed, in the order accepted. */
	private readonly accepted = new Map<string, number>();
	private floor: number;

	constructor(
		/** How far a signed time may be from now (verify.ts); a call is remembered while it could still pass that. */
		private readonly windowMs: number,
		private readonly max: number,
		startedAt: number,
	) {
		this.floor = startedAt;
	}

	/** Why the call must be refused, or undefined (and then it is remembered) when it is new. */
	admit(requestId: string, signedAt: number, now: number): string | undefined {
		this.forgetExpired(now);
		if (signedAt <= this.floor) return 'The call was signed before this n8n process could remember it (a replay across a restart, or during a flood of calls)';
		if (this.accepted.has(requestId)) return 'This call was already received (a replay)';
		this.accepted.set(requestId, signedAt);
		if (this.accepted.size > this.max) {
			const [oldestId, oldestAt] = this.accepted.entries().next().value as [string, number];
			this.accepted.delete(oldestId);
			this.floor = Math.max(this.floor, oldestAt);
		}
		return undefined;
	}

	get size(): number {
		return this.accepted.size;
	}

	/**
	 * Calls signed more than the window ago can no longer pass the time check: no need to remember them. Looked at from
	 * the oldest accepted, up to the first still in the window (a call accepted late with an old time waits its turn).
	 */
	private forgetExpired(now: number): void {
		for (const [id, signedAt] of this.accepted) {
			if (signedAt + this.windowMs >= now) return;
			this.accepted.delete(id);
		}
	}
}
