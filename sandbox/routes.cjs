'use strict';
// Every documented /1.2/rtm endpoint (82), with the documented inputs, limits, keys and response envelopes
// (the catalogue in README.md, "Every endpoint"). Each route is a named object: method, path pattern, which key it
// needs, which rate bucket it counts against, and a handler returning the response body.
const { kindRoutes } = require('./routes-kinds.cjs');
const { serviceRoutes } = require('./routes-service.cjs');
const { clientRoutes, appRoutes } = require('./routes-clients.cjs');

// key: 'master' = master key required; 'acl' = master key required under the default _Conversation ACL;
// 'app' = the app key is enough. bucket: the rate-limit bucket, or a function of the body choosing one.
/** @type {import('./route.cjs').Route[]} */
const routes = [...kindRoutes, ...serviceRoutes, ...clientRoutes, ...appRoutes];

/** Compiled route table: segment patterns where `:name` captures one decoded path segment. */
const table = routes.map(({ method, path, key, bucket, handler }) => ({ method, segments: path.split('/'), key, bucket, handler }));

/** Finds the route for a method and the segments after /1.2/rtm/ (already percent-decoded, one per segment). */
/**
 * @param {string} method
 * @param {string[]} segments
 */
function findRoute(method, segments) {
	let pathMatched = false;
	for (const route of table) {
		if (route.segments.length !== segments.length) continue;
		/** @type {Record<string, string>} */
		const params = {};
		const ok = route.segments.every((part, index) => (part.startsWith(':') ? ((params[part.slice(1)] = segments[index]), true) : part === segments[index]));
		if (!ok) continue;
		pathMatched = true;
		if (route.method === method) return { route, params };
	}
	return pathMatched ? { methodNotAllowed: true } : undefined;
}

module.exports = { findRoute };
