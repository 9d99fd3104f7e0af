/**
 * nock helpers for the LeanCloud IM API: every interceptor made here checks the auth headers exactly
 * (X-LC-Id, a valid X-LC-Sign for the expected key, no plain key, our internal role header removed).
 */
import { createHash } from 'crypto';
import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { ROLE_HEADER } from '../../credentials/LeanCloudImApi.credentials';
import { resetLanes } from '../../nodes/LeanCloudIm/engine/lanes';
import { resetPacers } from '../../nodes/shared/sending/sharedPacers';
import { API_SERVER, APP_ID, TEST_APP_KEY, TEST_MASTER_KEY } from '../../harness/runNode';

export type Role = 'master' | 'app';

/** Whether `header` is `md5(ts + key),ts[,master]` for the role's key, with a millisecond timestamp close to now. */
export function isValidSign(header: string, role: Role): boolean {
	const parts = header.split(',');
	const [sign, timestamp, suffix] = parts;
	const key = role === 'master' ? TEST_MASTER_KEY : TEST_APP_KEY;
	const expectedParts = role === 'master' ? 3 : 2;
	if (parts.length !== expectedParts || (role === 'master' && suffix !== 'master')) return false;
	if (!/^\d{13}$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > 60_000) return false;
	return sign === createHash('md5').update(timestamp + key).digest('hex');
}

/** An API scope that accepts only correctly signed requests for the given role. */
export function api(role: Role = 'master'): nock.Scope {
	return nock(API_SERVER, {
		reqheaders: {
			'x-lc-id': APP_ID,
			'x-lc-sign': (value: string) => isValidSign(value, role),
		},
		badheaders: ['x-lc-key', ROLE_HEADER],
	});
}

/** An API scope for the plain-key mode (Sign Requests off). */
export function plainKeyApi(role: Role = 'master'): nock.Scope {
	return nock(API_SERVER, {
		reqheaders: {
			'x-lc-id': APP_ID,
			'x-lc-key': role === 'master' ? `${TEST_MASTER_KEY},master` : TEST_APP_KEY,
		},
		badheaders: ['x-lc-sign', ROLE_HEADER],
	});
}

/** A valid LeanCloud object ID (24 hex characters) made from a short label, so tests can name conversations. */
export const oid = (label: string) =>
	[...label]
		.map((character) => character.charCodeAt(0).toString(16).padStart(2, '0'))
		.join('')
		.padStart(24, '0');

/** Resource locator value "By ID", as the editor saves it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** A fresh start for each test: no interceptors, no network, and no quota or lanes left from another test's executions. */
export function resetNock(): void {
	nock.cleanAll();
	nock.disableNetConnect();
	resetLanes();
	resetPacers();
}

/** Fails the test if an interceptor was not used, naming the ones left. */
export function expectAllRequestsMade(): void {
	const pending = nock.pendingMocks();
	nock.cleanAll();
	if (pending.length) throw new Error(`Requests expected but not made: ${pending.join(', ')}`);
}

/** Collects every request that reached no interceptor, so a test can prove nothing was sent. */
export function recordUnmatched(): { requests: string[]; stop: () => void } {
	const requests: string[] = [];
	const listener = (req: { method?: string; path?: string; href?: string }) => {
		requests.push(`${req.method ?? ''} ${req.path ?? req.href ?? ''}`);
	};
	nock.emitter.on('no match', listener);
	return { requests, stop: () => nock.emitter.removeListener('no match', listener) };
}

/** Parameters of Message > Send to conversation c1 from "bot", with overrides. */
export function sendParameters(fields: object = {}): INodeParameters {
	return { resource: 'message', operation: 'send', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), fromClient: 'bot', text: 'Hi', ...fields } as INodeParameters;
}
