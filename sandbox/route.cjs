'use strict';
// The shape of one sandbox route, for the route tables' JSDoc (checked by `npm run lint`). Types only.

/**
 * What a route's handler gets.
 * @typedef {object} RouteContext
 * @property {import('./store.cjs').Store} store
 * @property {Record<string, string>} params `:name` path segments, percent-decoded
 * @property {any} body the parsed JSON body (an object; `{}` when empty)
 * @property {Record<string, string>} query
 */

/**
 * One endpoint: method, segments under /1.2/rtm/ (`:name` captures one), the key it needs ('master'; 'acl', the
 * master key under the default _Conversation ACL; 'app', the app key will do), its rate-limit bucket (or a
 * function of the body choosing one) and the handler returning the response body.
 * @typedef {object} Route
 * @property {'GET' | 'POST' | 'PUT' | 'DELETE'} method
 * @property {string} path
 * @property {'master' | 'acl' | 'app'} key
 * @property {string | null | ((body: any) => string | null)} bucket
 * @property {(context: RouteContext) => unknown} handler
 */

module.exports = {};
