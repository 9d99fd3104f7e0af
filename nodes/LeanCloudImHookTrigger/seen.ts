/**
 * IDs seen in the last `ttlMs`, at most `max` of them (the oldest go first): the hook trigger's memory of
 * service-conversation message IDs (LeanCloud retries a batch up to 3 times), so each is reported once. Module state,
 * per n8n process. (Signed hook calls have a stricter memory: replays.ts.)
 */
export class SeenIds {
	private readonly expiries = new Map<string, number>();

	constructor(
		private readonly ttlMs: number,
		private readonly max: number,
	) {}

	/** Whether `id` was seen within the TTL; if not, it is remembered from `now`. */
	seenBefore(id: string, now: number): boolean {
		this.prune(now);
		const expiry = this.expiries.get(id);
		if (expiry !== undefined && expiry > now) return true;
		this.expiries.delete(id);
		this.expiries.set(id, now + this.ttlMs);
		if (this.expiries.size > this.max) this.expiries.delete(this.expiries.keys().next().value as string);
		return false;
	}

	get size(): number {
		return this.expiries.size;
	}

	/** Entries are kept in the order they were added, so the expired ones are at the front. */
	private prune(now: number): void {
		for (const [id, expiry] of this.expiries) {
			if (expiry > now) return;
			this.expiries.delete(id);
		}
	}
}
