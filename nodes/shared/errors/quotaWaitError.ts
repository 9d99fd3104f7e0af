/** What to do when an item would wait for the quota longer than Max Wait allows (both ways it can happen). */
export const MAX_WAIT_ADVICE = "Raise Options > Max Wait for Rate Limit, send fewer items at once, or pick your plan's Message Quota so the node paces itself.";

/** The request would have to wait for LeanCloud's rate limit longer than its policy allows. */
export class QuotaWaitError extends Error {
	constructor(
		readonly neededMs: number,
		readonly maxWaitMs: number,
	) {
		super(`Waiting for LeanCloud's rate limit would take ${Math.ceil(neededMs / 1000)} s more, beyond Max Wait for Rate Limit (${Math.round(maxWaitMs / 1000)} s)`);
		this.name = 'QuotaWaitError';
	}
}
