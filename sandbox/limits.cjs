'use strict';
// LeanCloud's REST rate-limit buckets. Documented behaviour: per-app counts per minute, and once a bucket is
// exceeded, requests get 429 for one minute. Modelled as fixed windows plus a block of one window length from
// the first rejected request. Where a window starts is not documented, so both readings are modelled: `clock`
// (windows aligned to the wall clock, the default) and `firstRequest` (a window starts at the first request after
// the previous one ended). Defaults are the documented commercial-app figures; tests and benchmarks shorten the window.

const DEFAULT_LIMITS = {
	normal: { limit: 1800, windowMs: 60_000 }, // send, modify and recall of ordinary messages
	subscriber: { limit: 30, windowMs: 60_000 }, // service-conversation broadcasts to subscribers
	broadcast: { limit: 10, windowMs: 60_000 }, // app-wide broadcasts
};

/** @typedef {{ limit: number, windowMs: number, windows: 'clock' | 'firstRequest', windowStart: number, used: number, blockedUntil: number, rejected: number }} Bucket */

class RateLimiter {
	/**
	 * @param {Partial<Record<string, { limit?: number, windowMs?: number, windows?: 'clock' | 'firstRequest' }>>} [limits]
	 * @param {() => number} [now]
	 */
	constructor(limits = {}, now = Date.now) {
		this.now = now;
		/** @type {Record<string, Bucket>} */
		this.buckets = {};
		for (const [name, defaults] of Object.entries(DEFAULT_LIMITS)) {
			this.buckets[name] = { windows: 'clock', ...defaults, ...(limits[name] ?? {}), windowStart: 0, used: 0, blockedUntil: 0, rejected: 0 };
		}
	}

	/** Counts one request against the bucket; when limited, says how long until requests are accepted again. */
	/** @param {string} name */
	take(name) {
		const bucket = this.buckets[name];
		const now = this.now();
		if (now < bucket.blockedUntil) {
			bucket.rejected++;
			return { limited: true, retryAfterMs: bucket.blockedUntil - now };
		}
		const windowStart =
			bucket.windows === 'clock' ? Math.floor(now / bucket.windowMs) * bucket.windowMs : now >= bucket.windowStart + bucket.windowMs ? now : bucket.windowStart;
		if (windowStart !== bucket.windowStart) {
			bucket.windowStart = windowStart;
			bucket.used = 0;
		}
		if (bucket.used >= bucket.limit) {
			bucket.blockedUntil = now + bucket.windowMs;
			bucket.rejected++;
			return { limited: true, retryAfterMs: bucket.windowMs };
		}
		bucket.used++;
		return { limited: false };
	}
}

module.exports = { RateLimiter, DEFAULT_LIMITS };
