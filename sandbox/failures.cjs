'use strict';
// The sandbox's error answers: an HTTP status with LeanCloud's code and text.

class ApiError extends Error {
	/**
	 * @param {number} status
	 * @param {number} code
	 * @param {string} error
	 */
	constructor(status, code, error) {
		super(error);
		this.status = status;
		this.code = code;
		/** @type {number | undefined} Set on 429s: how long until requests are accepted again. */
		this.retryAfterMs = undefined;
	}
}

/** @type {(status: number, code: number, error: string) => never} */
const fail = (status, code, error) => {
	throw new ApiError(status, code, error);
};

module.exports = { ApiError, fail };
