/** LeanCloud's quota window: limits are per minute (README, "API facts the code relies on"). */
export const QUOTA_WINDOW_MS = 60_000;

/**
 * Keeps requests of one rate-limit bucket under the app's quota. At most `limit` requests start in any
 * sliding window of `windowMs`, which also keeps every fixed server window under the limit, with bursts
 * up to the limit (the fastest pace the quota allows). With no known limit it sends freely and learns
 * from the first 429: the requests that succeeded since the last block are the limit, and the block
 * (Retry-After, else the one-minute window) is the window.
 */
export class Pacer {
	private readonly started: number[] = [];
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
		while (this.started.length && this.started[0] <= now - this.windowMs) this.started.shift();
		return this.started.length < this.limit ? 0 : this.started[0] + this.windowMs - now;
	}

	/** A quota set by the user (Message Quota): replaces what was configured or learned. */
	configure(limit: number): void {
		this.limit = limit;
		this.windowMs = QUOTA_WINDOW_MS;
	}

	start(): void {
		if (this.limit !== undefined) this.started.push(this.now());
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
			this.started.length = 0;
		}
		return this.blockedUntil - now;
	}

	/** The quota in use, for tests and diagnostics. */
	get quota(): { limit?: number; windowMs: number } {
		return { limit: this.limit, windowMs: this.windowMs };
	}
}
