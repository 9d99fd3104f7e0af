'use strict';
// Request authentication as LeanCloud documents it: X-LC-Id plus either X-LC-Key ("key" or "masterKey,master")
// or X-LC-Sign ("md5(timestamp + key),timestamp[,master]", lowercase hex).
const { createHash } = require('node:crypto');

const UNAUTHORIZED = { status: 401, body: { code: 401, error: 'Unauthorized.' } };

/** Returns { master: boolean } for a valid request, or an error response. */
/**
 * @param {import('node:http').IncomingHttpHeaders} headers
 * @param {{ appId: string, appKey: string, masterKey: string }} keys
 * @returns {{ master: boolean } | typeof UNAUTHORIZED}
 */
function authenticate(headers, { appId, appKey, masterKey }) {
	if (headers['x-lc-id'] !== appId) return UNAUTHORIZED;
	const sign = headers['x-lc-sign'];
	if (typeof sign === 'string') {
		const [hash, timestamp, suffix, extra] = sign.split(',');
		if (extra !== undefined || (suffix !== undefined && suffix !== 'master') || !timestamp) return UNAUTHORIZED;
		const master = suffix === 'master';
		const expected = createHash('md5').update(timestamp + (master ? masterKey : appKey)).digest('hex');
		return hash === expected ? { master } : UNAUTHORIZED;
	}
	const key = headers['x-lc-key'];
	if (typeof key === 'string') {
		if (key === `${masterKey},master`) return { master: true };
		if (key === appKey) return { master: false };
	}
	return UNAUTHORIZED;
}

module.exports = { authenticate };
