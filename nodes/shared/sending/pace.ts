/** LeanCloud's quota window: limits are per minute (README, "API facts the code relies on"). */
export const QUOTA_WINDOW_MS = 60_000;

/** While every place in the window is taken by requests still on the wire, the pacer looks again this often. */
export const IN_FLIGHT_RECHECK_MS = 20;

/** One request's place in the quota window: it holds it from its start until a window after its answer came back. */
export interface Slot {
	/** When the answer came back (Infinity while the request is on the wire). */
	end: number;
}

/**
 * Keeps requests of one rate-limit bucket under the app's quota, with bursts up to the limit (the fastest pace
 * the quota allows). With no known limit it sends freely and learns from the first 429: the requests that
 * succeeded since the last block are the limit, and the block (Retry-After, else the one-minute window) is the
 * window.
 *
 * A request holds its place until a window after its answer began to arrive, not after it started: the server counted
 * it at some moment between the two, which the client cannot see, and network jitter moves that moment. Counted
 * from the start, a request that reached the server late and the one started a window after the first can both
 * land in one server window (an 11th send in a window of 10). Counted from the answer, any window of server
 * arrival times holds at most `limit` requests, whether the server's windows are aligned to the clock or start
 * at the first request after the last one ended; the cost is one round trip per window.
 */
export class Pacer {
	private held: Slot[] = [];
	private blockedUntil = 0;
	private successesSinceBlock = 0;

	constructor(
		private limit: number | undefined,
		private windowMs = QUOTA_WINDOW_MS,
		private readonly now: () => number = Date.now,
	) {}

	/** How long the next request must wait before it may start (0 = now); call `start()` when it does. */
	delay(): number {
		const now = this.now();
		if (now < this.blockedUntil) return this.blockedUntil - now;
		if (this.limit === undefined) return 0;
		const since = now - this.windowMs;
		if (this.held.length && this.held.some((slot) => slot.end <= since)) this.held = this.held.filter((slot) => slot.end > since);
		if (this.held.length < this.limit) return 0;
		const earliest = this.held.reduce((min, slot) => Math.min(min, slot.end), Infinity);
		return earliest === Infinity ? IN_FLIGHT_RECHECK_MS : Math.max(1, earliest + this.windowMs - now);
	}

	/** A quota set by the user (Message Quota): replaces what was configured or learned. */
	configure(limit: number): void {
		this.limit = limit;
		this.windowMs = QUOTA_WINDOW_MS;
	}

	/** A request starts: it holds a place until `finish(slot)` plus a window. */
	start(): Slot {
		const slot: Slot = { end: Infinity };
		if (this.limit !== undefined) this.held.push(slot);
		return slot;
	}

	/** The request's answer began to arrive (or it failed without one). */
	finish(slot: Slot): void {
		slot.end = this.now();
	}

	succeeded(): void {
		this.successesSinceBlock++;
	}

	/** A 429: block everyone until the quota resets, and learn the quota when it was unknown or too high. */
	rateLimited(retryAfterMs?: number): number {
		const now = this.now();
		const blockMs = retryAfterMs ?? this.windowMs;
		if (now >= this.blockedUntil) {
			// First 429 of this episode: what got through since the last block is what the quota allows.
			if (this.successesSinceBlock > 0 && (this.limit === undefined || this.successesSinceBlock < this.limit)) {
				this.limit = this.successesSinceBlock;
				if (retryAfterMs !== undefined) this.windowMs = retryAfterMs;
			}
			this.blockedUntil = now + blockMs;
			this.successesSinceBlock = 0;
			this.held = [];
		}
		return this.blockedUntil - now;
	}

	/** The quota in use, for tests and diagnostics. */
	get quota(): { limit?: number; windowMs: number } {
		return { limit: this.limit, windowMs: this.windowMs };
	}
}
