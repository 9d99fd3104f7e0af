/**
 * A request that did not succeed: an HTTP error status, a body that is not what the API sends, or no
 * response at all. Plain data only (no request options, so no headers and no key material; server text
 * is redacted before it gets here): shared/reporting turns it into the NodeApiError n8n shows.
 */
export class LeanCloudFailure extends Error {
	constructor(
		message: string,
		readonly details: {
			/** HTTP status, absent when no response arrived. */
			status?: number;
			/** LeanCloud's numeric `code` from the error body. */
			code?: number;
			/** LeanCloud's `error` text from the error body. */
			error?: string;
			/** Network error code (e.g. ECONNRESET, ETIMEDOUT) when no full response arrived. */
			networkCode?: string;
			/** The Retry-After header of a 429 or 503, in milliseconds. */
			retryAfterMs?: number;
			/** How to fix it, when the code that failed knows better than a generic hint. */
			hint?: string;
			/** Who answered, when it was not LeanCloud's API (a storage provider, a file's host): named first in the error. */
			source?: string;
		},
	) {
		super(message);
		this.name = 'LeanCloudFailure';
	}
}

/** The execution was stopped while a request was on its way (n8n's cancel, or the node stopping). */
export class RequestAbortedError extends Error {
	constructor() {
		super('The request was aborted');
		this.name = 'RequestAbortedError';
	}
}
