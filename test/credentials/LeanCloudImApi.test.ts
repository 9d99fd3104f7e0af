import { createHash } from 'crypto';
import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import nock from 'nock';

import { LeanCloudImApi, leanCloudSignature, normaliseApiServer, ROLE_HEADER } from '../../credentials/LeanCloudImApi.credentials';
import { resetNock } from '../harness/leancloud';
import { API_SERVER, APP_ID, defaultCredentials, TEST_APP_KEY, TEST_MASTER_KEY } from '../../harness/runNode';

const credential = new LeanCloudImApi();

beforeEach(resetNock);

describe('X-LC-Sign', () => {
	// The worked examples from LeanCloud's REST documentation.
	const docVector = { timestamp: '1453014943466', appSide: 'UtOCzqb67d3sN12Kts4URwy8', masterSide: 'DyJegPlemooo4X1tg94gQkw1' };

	test('matches the documented app key vector', () => {
		expect(leanCloudSignature(docVector.appSide, docVector.timestamp, false)).toBe('d5bcbb897e19b2f6633c716dfdfaf9be,1453014943466');
	});

	test('matches the documented master key vector, with the master suffix', () => {
		expect(leanCloudSignature(docVector.masterSide, docVector.timestamp, true)).toBe('e074720658078c898aa0d4b1b82bdf4b,1453014943466,master');
	});
});

describe('API Server', () => {
	test.each([
		['abc.example.com', 'https://abc.example.com'],
		['https://abc.example.com/', 'https://abc.example.com'],
		['  https://abc.example.com//  ', 'https://abc.example.com'],
		['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
		['HTTPS://ABC.example.com', 'https://abc.example.com'],
		['http://localhost:3210/', 'http://localhost:3210'],
		['http://[::1]:3210', 'http://[::1]:3210'],
	])('%j becomes %j', (input, expected) => {
		expect(normaliseApiServer(input)).toBe(expected);
	});

	test.each([
		['https://host:0', 'has port 0, which no server listens on'],
		['https://host..', 'has an empty part in its host name (two dots in a row, or a dot at an end)'],
		['https://a..example.com', 'has an empty part in its host name'],
		['https://a,b.example.com', 'has "a,b" in its host name, which allows only letters, digits and inner hyphens'],
		['https://-lead.example.com', 'has "-lead" in its host name'],
		['https://@host.example.com', 'must not contain a user name or password'],
		['https://user@host.example.com', 'must not contain a user name or password'],
	])('%j is refused when the credential is saved: it %s', (input, problem) => {
		expect(() => normaliseApiServer(input)).toThrow(problem);
	});

	test('the credential test names the problem instead of failing at connect time', async () => {
		const options = await credential.authenticate({ ...defaultCredentials, apiServer: 'https://a,b.example.com' }, { url: '/x' }).catch((error: Error) => error);
		expect(options).toBeInstanceOf(Error);
		expect((options as Error).message).toContain('"a,b" in its host name');
	});
});

describe('authenticate', () => {
	const request = (role?: string): IHttpRequestOptions => ({
		url: '/1.2/rtm/conversations',
		headers: role ? { [ROLE_HEADER]: role, Accept: 'application/json' } : { Accept: 'application/json' },
	});

	test('signs with the master key when the node asks for it, and removes the role header', async () => {
		const before = Date.now();
		const result = await credential.authenticate(defaultCredentials, request('master'));
		const headers = result.headers as IDataObject;
		expect(Object.keys(headers).sort()).toEqual(['Accept', 'X-LC-Id', 'X-LC-Sign']);
		expect(headers['X-LC-Id']).toBe(APP_ID);
		const [sign, timestamp, suffix] = String(headers['X-LC-Sign']).split(',');
		expect(suffix).toBe('master');
		expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
		expect(Number(timestamp)).toBeLessThanOrEqual(Date.now());
		expect(sign).toBe(createHash('md5').update(timestamp + TEST_MASTER_KEY).digest('hex'));
		expect(result.baseURL).toBe(API_SERVER);
	});

	test('signs with the app key, without a suffix, when the node asks for the app key', async () => {
		const result = await credential.authenticate(defaultCredentials, request('app'));
		const [sign, timestamp, suffix] = String((result.headers as IDataObject)['X-LC-Sign']).split(',');
		expect(suffix).toBeUndefined();
		expect(sign).toBe(createHash('md5').update(timestamp + TEST_APP_KEY).digest('hex'));
	});

	test('without a role (credential test, HTTP Request node) it uses the master key when set, else the app key', async () => {
		const withMaster = await credential.authenticate(defaultCredentials, request());
		expect(String((withMaster.headers as IDataObject)['X-LC-Sign'])).toMatch(/,master$/);
		const appOnly = await credential.authenticate({ ...defaultCredentials, serverSecret: '' }, request());
		expect(String((appOnly.headers as IDataObject)['X-LC-Sign'])).not.toMatch(/,master$/);
	});

	test('with Sign Requests off it sends the key itself, with ",master" for the master key', async () => {
		const plain = { ...defaultCredentials, signRequests: false };
		expect((await credential.authenticate(plain, request('master'))).headers).toEqual({
			Accept: 'application/json',
			'X-LC-Id': APP_ID,
			'X-LC-Key': `${TEST_MASTER_KEY},master`,
		});
		expect(((await credential.authenticate(plain, request('app'))).headers as IDataObject)['X-LC-Key']).toBe(TEST_APP_KEY);
	});

	test('does not change the caller\'s request options', async () => {
		const original = request('master');
		await credential.authenticate(defaultCredentials, original);
		expect(original).toEqual(request('master'));
	});
});

describe('credential test request', () => {
	/** A LeanCloud stand-in that checks the signature against the real keys, as the service does. */
	function verifyingServer() {
		nock(API_SERVER)
			.get(credential.test.request.url as string)
			.reply(function () {
				const id = this.req.headers['x-lc-id'];
				const [sign, timestamp, suffix] = String(this.req.headers['x-lc-sign'] ?? '').split(',');
				const key = suffix === 'master' ? TEST_MASTER_KEY : TEST_APP_KEY;
				const valid = id === APP_ID && sign === createHash('md5').update(timestamp + key).digest('hex');
				return valid ? [200, { count: 0 }] : [401, { code: 401, error: 'Unauthorized.' }];
			});
	}

	async function runTest(credentials: ICredentialDataDecryptedObject): Promise<number> {
		verifyingServer();
		const options = await credential.authenticate(credentials, { ...credential.test.request } as IHttpRequestOptions);
		const response = await fetch(`${options.baseURL}${options.url}`, { method: options.method, headers: options.headers as Record<string, string> });
		return response.status;
	}

	test('is a documented endpoint under /1.2/rtm that needs no data', () => {
		expect(credential.test.request).toEqual({ method: 'GET', url: '/1.2/rtm/clients/n8n-credential-test/unread-count', disableFollowRedirect: true });
	});

	test('succeeds with the right App ID and keys', async () => {
		expect(await runTest(defaultCredentials)).toBe(200);
		expect(await runTest({ ...defaultCredentials, serverSecret: '' })).toBe(200);
	});

	test.each([
		['a wrong App ID', { appId: 'WrongAppId' }],
		['a wrong Master Key', { serverSecret: 'not-the-master-key' }],
		['a wrong App Key when no Master Key is set', { serverSecret: '', clientToken: 'not-the-app-key' }],
	])('fails with %s', async (_name, change) => {
		expect(await runTest({ ...defaultCredentials, ...change })).toBe(401);
	});
});
