/** A tiny signed HTTP client for talking to the sandbox directly in tests. */
import { createHash } from 'crypto';

import type { Sandbox } from '../../sandbox/server.cjs';

export interface Reply {
	status: number;
	body: unknown;
	headers: Headers;
}

export function sandboxClient(sandbox: Sandbox) {
	return async function call(
		method: string,
		path: string,
		{ body, key = 'master', headers = {} }: { /** JSON-encoded unless given as text. */ body?: unknown; key?: 'master' | 'app' | 'none'; headers?: Record<string, string> } = {},
	): Promise<Reply> {
		const auth: Record<string, string> = { 'X-LC-Id': sandbox.appId };
		if (key !== 'none') {
			const timestamp = String(Date.now());
			const secret = key === 'master' ? sandbox.masterKey : sandbox.appKey;
			auth['X-LC-Sign'] = `${createHash('md5').update(timestamp + secret).digest('hex')},${timestamp}${key === 'master' ? ',master' : ''}`;
		}
		const response = await fetch(`${sandbox.url}/1.2/rtm/${path}`, {
			method,
			headers: { ...auth, 'Content-Type': 'application/json', ...headers },
			body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
		});
		return { status: response.status, body: await response.json(), headers: response.headers };
	};
}
