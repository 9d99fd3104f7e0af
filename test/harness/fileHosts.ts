import nock from 'nock';

import { hasAnswer, publicAddressOf } from './resolver.cjs';

/**
 * A nock scope for a file host as the node reaches it: at the address its name resolved to (resolver.cjs), asking for
 * the name in `Host`. A request the address check lets through goes to the address checked, never to a second lookup's.
 */
export function fileHost(origin: string, options: nock.Options = {}): nock.Scope {
	const url = new URL(origin);
	if (hasAnswer(url.hostname)) throw new Error(`fileHost(${origin}): the name has its own answer; make the scope at that address`);
	const address = publicAddressOf(url.hostname);
	return nock(`${url.protocol}//${address}${url.port ? `:${url.port}` : ''}`, { ...options, reqheaders: { host: url.host, ...(options.reqheaders ?? {}) } });
}
