/**
 * Keys stay home and hostile servers cannot hurt: redirects, the API Server field, deadlines, size caps,
 * clamped waits, paging guards, bounded error parsing, per-item failures, no sends after a stop, and no
 * key material in anything a server says back. Real local servers where the wire matters (redirects,
 * endless bodies); nock elsewhere.
 */
import { NodeConnectionTypes, type IDataObject, type IExecuteFunctions, type IHttpRequestOptions, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import nock from 'nock';

import { LeanCloudImApi } from '../../credentials/LeanCloudImApi.credentials';
import { endlessServer, redirectingServer, startServer, type HostileServer } from '../harness/hostile.cjs';
import { api, byId, oid, plainKeyApi, resetNock } from '../harness/leancloud';
import { API_SERVER, credentialedNode, defaultCredentials, registerNodeType, runNode, runWorkflow, TEST_APP_KEY, TEST_MASTER_KEY } from '../../harness/runNode';

const CONVERSATION = 'c1c1c1c1c1c1c1c1c1c1c1c1';
const sent = (id: string) => ({ result: { 'msg-id': id, timestamp: 1764064800000 } });
const send = (extra: IDataObject = {}) => ({
	resource: 'message',
	operation: 'send',
	conversationId: byId(CONVERSATION),
	fromClient: 'bot',
	text: 'Hi',
	...extra,
});
const members = (extra: IDataObject = {}) => ({ resource: 'member', operation: 'getAll', returnAll: true, conversationId: byId(CONVERSATION), ...extra });

/** Nothing of the keys, nor a signature, in what the node produced. */
function expectNoKeyMaterial(value: unknown): void {
	const text = JSON.stringify(value, (_key, inner: unknown) => (inner instanceof Error ? { message: inner.message, description: (inner as { description?: unknown }).description } : inner));
	expect(text).not.toContain(TEST_MASTER_KEY);
	expect(text).not.toContain(TEST_APP_KEY);
	expect(text).not.toMatch(/[0-9a-f]{32},\d{13}/);
}

beforeEach(() => {
	resetNock();
	nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/);
});

const servers: HostileServer[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map(async (server) => await server.close()));
});
async function serve(server: Promise<HostileServer>): Promise<HostileServer> {
	const started = await server;
	servers.push(started);
	return started;
}

describe('redirects are never followed', () => {
	test.each([301, 302, 307, 308].flatMap((status) => [true, false].map((signRequests) => [status, signRequests] as const)))(
		'HTTP %i (Sign Requests %s): the other host receives nothing, the item fails naming the status and host',
		async (status, signRequests) => {
			const other = await serve(startServer((_req, res) => res.end(JSON.stringify(sent('evil')))));
			const apiServer = await serve(redirectingServer(status, `http://localhost:${other.port}`));
			const { output, error } = await runNode({
				continueOnFail: true,
				credentials: { ...defaultCredentials, apiServer: apiServer.url, signRequests },
				parameters: send(),
			});
			expect(error).toBeUndefined();
			expect(other.requests).toEqual([]);
			expect(apiServer.requests).toHaveLength(1);
			expect(output).toEqual([
				{
					json: {
						error: `LeanCloud: The API Server answered with a redirect (HTTP ${status}) to host localhost:${other.port}, which is not followed [HTTP ${status}]`,
						details: { description: expect.stringContaining('Put the final https:// address'), httpCode: String(status) },
					},
					pairedItem: { item: 0 },
				},
			]);
		},
	);

	test('the credential test does not follow a redirect either', async () => {
		const other = await serve(startServer((_req, res) => res.end('{"count":0}')));
		const apiServer = await serve(redirectingServer(302, `http://localhost:${other.port}`));
		// The credential's test request, sent through n8n-core's authenticated HTTP helper as n8n's tester sends it.
		const credential = new LeanCloudImApi();
		class CredentialProbe implements INodeType {
			description: INodeTypeDescription = {
				displayName: 'Credential Probe',
				name: 'credentialProbe',
				usableAsTool: true,
				group: ['output'],
				version: 1,
				description: 'Sends the credential test request',
				defaults: { name: 'Credential Probe' },
				inputs: [NodeConnectionTypes.Main],
				outputs: [NodeConnectionTypes.Main],
				credentials: [{ name: 'leanCloudImApi', required: true }],
				properties: [],
			};

			async execute(this: IExecuteFunctions) {
				const options = { ...credential.test.request, ignoreHttpStatusErrors: true, returnFullResponse: true } as IHttpRequestOptions;
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'leanCloudImApi', options)) as { statusCode: number };
				return [[{ json: { status: response.statusCode }, pairedItem: { item: 0 } }]];
			}
		}
		registerNodeType('test.credentialProbe', new CredentialProbe());
		const probe = credentialedNode('probe', 'Probe', 'test.credentialProbe', {});
		const run = await runWorkflow([probe], {}, 'Probe', { ...defaultCredentials, apiServer: apiServer.url });
		expect(run.data.resultData.runData.Probe[0].data?.main[0]?.[0].json).toEqual({ status: 302 });
		expect(apiServer.requests).toHaveLength(1);
		expect(other.requests).toEqual([]);
	});
});

describe('API Server', () => {
	test.each([
		['http://im-api.example.com', 'must use https://'],
		['https://user:secret@im-api.example.com', 'must not contain a user name or password'],
		['https://im-api.example.com/?x=1', 'must not contain a query'],
		['https://im-api.example.com/#top', 'must not contain a fragment'],
		['https://im-api.example.com/1.2/rtm', 'must be the domain only, without a path'],
		['https://', 'is not a valid address'],
		['', 'is empty'],
	])('%j is refused for every item before anything is sent', async (apiServer, reason) => {
		const { output } = await runNode({
			continueOnFail: true,
			items: [{}, {}],
			credentials: { ...defaultCredentials, apiServer },
			parameters: send(),
		});
		expect(output.map((item) => item.json.error)).toEqual([
			"The credential's API Server cannot be used [item 0]",
			"The credential's API Server cannot be used [item 1]",
		]);
		expect((output[0].json.details as IDataObject).description).toContain(reason);
		// No interceptor exists and the network is closed: a request would have failed differently.
	});

	test('plain http:// is accepted for this machine only (the local sandbox)', async () => {
		const local = await serve(startServer((_req, res) => res.end(JSON.stringify(sent('m1')))));
		const { output } = await runNode({ credentials: { ...defaultCredentials, apiServer: `http://localhost:${local.port}/` }, parameters: send() });
		expect(output[0].json.messageId).toBe('m1');
		expect(local.requests.map((request) => `${request.method} ${request.url}`)).toEqual([`POST /1.2/rtm/conversations/${CONVERSATION}/messages`]);
	});
});

describe('deadlines and size caps', () => {
	test('Timeout covers the whole exchange: an endless body is cut at the deadline', async () => {
		const server = await serve(endlessServer({ chunkBytes: 64 * 1024, everyMs: 20 }));
		const { error } = await runNode({ credentials: { ...defaultCredentials, apiServer: server.url }, parameters: members({ options: { timeout: 1, retryOnErrors: 'never' } }) });
		expect(error?.message).toBe('LeanCloud: No complete answer within the timeout (1 s) [ETIMEDOUT]');
	});

	test('a 1-byte trickle does not keep the request alive past Timeout', async () => {
		const server = await serve(endlessServer({ chunkBytes: 1, everyMs: 50 }));
		const { error } = await runNode({ credentials: { ...defaultCredentials, apiServer: server.url }, parameters: members({ options: { timeout: 1, retryOnErrors: 'never' } }) });
		expect(error?.errorResponse).toMatchObject({ networkCode: 'ETIMEDOUT' });
	});

	test('a body over 16 MB is cut off with a clear error', async () => {
		const server = await serve(endlessServer({ chunkBytes: 1024 * 1024, everyMs: 1 }));
		const { error } = await runNode({ credentials: { ...defaultCredentials, apiServer: server.url }, parameters: members({ options: { timeout: 60 } }) });
		expect(error?.message).toMatch(/^LeanCloud: The response is larger than 16 MB and was cut off \(\d+ bytes or more\) \[HTTP 200, ERESPONSETOOLARGE\]$/);
		expect(server.requests).toHaveLength(1);
	});

	test('a declared Content-Length over the cap fails before the body is read', async () => {
		api()
			.get(`/1.2/rtm/conversations/${CONVERSATION}/members`)
			.reply(200, '{"result":[]}', { 'Content-Length': String(100 * 1024 * 1024) });
		const { error } = await runNode({ parameters: members() });
		expect(error?.message).toBe('LeanCloud: The response is larger than 16 MB and was cut off (104857600 bytes or more) [HTTP 200, ERESPONSETOOLARGE]');
	});
});

describe('waits are clamped', () => {
	test.each(['3600', '99999999'])('a 503 with Retry-After %s fails the item at once instead of waiting, with one request', async (retryAfter) => {
		api().get(`/1.2/rtm/conversations/${CONVERSATION}/members`).once().reply(503, { code: 503, error: 'Unavailable.' }, { 'Retry-After': retryAfter });
		const { error } = await runNode({ parameters: members() });
		expect(error?.message).toBe('LeanCloud: Unavailable. [HTTP 503, code 503]');
	});

	test('a 429 with a long Retry-After fails that item at once, and the items paced behind it fail instead of stalling past Max Wait', async () => {
		api()
			.post(`/1.2/rtm/conversations/${oid('a')}/messages`)
			.reply(429, { code: 429, error: 'Too many requests.' }, { 'Retry-After': '3600' });
		const { output } = await runNode({
			continueOnFail: true,
			items: [{ id: oid('a') }, { id: oid('b') }],
			parameters: send({ conversationId: byId('={{ $json.id }}'), options: { concurrency: 1 } }),
		});
		expect(output[0].json).toMatchObject({
			error: 'LeanCloud: Too many requests. [HTTP 429, code 429]',
			details: { description: expect.stringContaining('beyond Options > Max Wait for Rate Limit (300 s)') },
		});
		expect(output[1].json.error).toBe("Waiting for LeanCloud's rate limit would take 3600 s more, beyond Max Wait for Rate Limit (300 s) [item 1]");
	});
});

describe('paging stops when the server does not move on', () => {
	test('a repeated next cursor', async () => {
		api()
			.get(`/1.2/rtm/conversations/${CONVERSATION}/permanent-silenceds`)
			.query(true)
			.times(3)
			.reply(200, { client_ids: ['a', 'b'], next: 'same' });
		const { error } = await runNode({
			parameters: { resource: 'mute', operation: 'getAll', conversationId: byId(CONVERSATION), returnAll: true },
		});
		expect(error?.message).toMatch(/^LeanCloud: Paging stopped: /);
		expect(nock.pendingMocks()).toHaveLength(1); // the third interceptor was never used: two requests in all
	});

	test('the same history page again', async () => {
		const page = Array.from({ length: 1000 }, (_, index) => ({ 'msg-id': `m${index % 2}`, timestamp: 1764064800000, from: 'a', data: 'x' }));
		api().get(`/1.2/rtm/conversations/${CONVERSATION}/messages`).query(true).times(3).reply(200, page);
		const { error } = await runNode({
			parameters: { resource: 'message', operation: 'getAll', conversationId: byId(CONVERSATION), returnAll: true },
		});
		expect(error?.message).toMatch(/^LeanCloud: Paging stopped: /);
		expect(nock.pendingMocks()).toHaveLength(1);
	});

	test('a server that ignores skip', async () => {
		const page = { results: Array.from({ length: 1000 }, (_, index) => ({ objectId: `c${index}` })) };
		api().get('/1.2/rtm/conversations').query(true).times(3).reply(200, page);
		const { error } = await runNode({ parameters: { resource: 'conversation', operation: 'getAll', returnAll: true } });
		expect(error?.message).toMatch(/^LeanCloud: Paging stopped: the server returned a page ending with the same record/);
		expect(nock.pendingMocks()).toHaveLength(1);
	});
});

test('an HTML error page of 80,000 "<" is parsed in bounded time with a short excerpt', async () => {
	api()
		.get(`/1.2/rtm/conversations/${CONVERSATION}/members`)
		.reply(400, '<'.repeat(80_000), { 'Content-Type': 'text/html' });
	const { error } = await runNode({ parameters: members() });
	expect(error?.message).toBe(`LeanCloud: ${'<'.repeat(120)} [HTTP 400]`);
});

describe('one item\'s bad input is that item\'s failure (Continue On Fail)', () => {
	test('a lone surrogate in an ID, JSON nested 20,000 deep and an expression error fail only their items; the valid item is sent', async () => {
		const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
		api().post(`/1.2/rtm/conversations/${CONVERSATION}/messages`, { from_client: 'bot', message: 'fine' }).reply(200, sent('m3'));
		const sendRun = await runNode({
			continueOnFail: true,
			items: [
				{ id: `c1c1c1c1c1c1c1c1c1c1c1c\uD800`, push: '', text: 'a' },
				{ id: CONVERSATION, push: `{"x": ${deep}}`, text: 'b' },
				{ id: CONVERSATION, push: '', text: 'c', boom: true },
				{ id: CONVERSATION, push: '', text: 'fine' },
			],
			parameters: send({
				conversationId: byId('={{ $json.id }}'),
				text: "={{ $json.boom ? $('No Such Node').item.json.x : $json.text }}",
				options: { pushData: '={{ $json.push }}' },
			}),
		});
		expect(sendRun.error).toBeUndefined();
		expect(sendRun.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(sendRun.output[0].json.error).toMatch(/^"Conversation" /);
		expect(sendRun.output[1].json.error).toBe('"Options > Push Data (JSON)" is nested more than 64 levels deep [item 1]');
		expect(sendRun.output[2].json.error).toMatch(/^"Text" could not be read: .* \[item 2\]$/);
		expect(sendRun.output[3].json.messageId).toBe('m3');
	});

	test('a lone surrogate in a message ID that goes into a path is refused, not thrown', async () => {
		const { output } = await runNode({
			continueOnFail: true,
			items: [{ message: 'msg\uDC00' }],
			parameters: {
				resource: 'message',
				operation: 'delete',
				conversationId: byId(CONVERSATION),
				messageId: '={{ $json.message }}',
				fromClient: 'bot',
				timestamp: 1764064800000,
			},
		});
		expect(output[0].json.error).toBe('"Message ID" contains a broken character (a lone UTF-16 surrogate) and cannot be sent [item 0]');
	});
});

describe('after a failure without Continue On Fail', () => {
	test('nothing new is sent; the error lists what was done (with message IDs) and what was not sent', async () => {
		const ids = Array.from({ length: 20 }, (_, index) => oid(`conv${index}`));
		const scope = api();
		ids.forEach((id, index) => {
			const interceptor = scope.post(`/1.2/rtm/conversations/${id}/messages`);
			if (index === 3) interceptor.reply(400, { code: 4401, error: 'INVALID_MESSAGING_TARGET' });
			else interceptor.delay(index < 8 ? 200 : 0).reply(200, sent(`m${index}`));
		});
		const { error } = await runNode({
			items: ids.map((id) => ({ id })),
			parameters: send({ conversationId: byId('={{ $json.id }}'), options: { concurrency: 8 } }),
		});
		expect(error?.message).toBe('LeanCloud: INVALID_MESSAGING_TARGET [HTTP 400, code 4401]');
		// Items 0-7 were on the wire when item 3 failed; none of 8-19 was sent.
		expect(nock.pendingMocks()).toHaveLength(12);
		expect(error?.description).toContain(
			'The node stopped at item 3. Done before the stop (7; not to be sent again): item 0 (message m0), item 1 (message m1), item 2 (message m2), item 4 (message m4), item 5 (message m5), item 6 (message m6), item 7 (message m7). Not sent (12): items 8-19.',
		);
	});
});

describe('server-echoed secrets are redacted', () => {
	test.each([
		['signed', api, true],
		['plain key', plainKeyApi, false],
	] as const)('%s: an error body echoing the request headers reaches neither the error nor the item', async (_mode, scopeFor, signRequests) => {
		scopeFor()
			.get(`/1.2/rtm/conversations/${CONVERSATION}/members`)
			.times(2)
			.reply(400, function echo() {
				return { code: 1, error: `bad request, headers were ${JSON.stringify(this.req.headers)}` };
			});
		const credentials = { ...defaultCredentials, signRequests };
		const failed = await runNode({ credentials, parameters: members() });
		expect(failed.error?.message).toContain('[redacted]');
		expectNoKeyMaterial(failed.error);
		const continued = await runNode({ credentials, continueOnFail: true, parameters: members() });
		expect(String(continued.output[0].json.error)).toContain('[redacted]');
		expectNoKeyMaterial(continued.output);
	});
});

describe('option values are checked', () => {
	test.each([
		[{ options: { quota: '={{ "lots" }}' } }, '"Options > Message Quota" must be one of "auto", "120", "1800", "3600", "5400", "7200", "9000", "custom", got "lots" [item 0]'],
		[{ options: { retryOnErrors: '={{ "always" }}' } }, '"Options > Retry on Server or Network Errors" must be one of "safe", "all", "never", got "always" [item 0]'],
	])('%j', async (extra, message) => {
		const { error } = await runNode({ parameters: send(extra) });
		expect(error?.message).toBe(message);
	});

	test('Mute Type', async () => {
		const { error } = await runNode({
			parameters: { resource: 'mute', operation: 'add', conversationId: byId(CONVERSATION), clientId: 'tom', clientIds: 'tom', muteType: '={{ "forever" }}' },
		});
		expect(error?.message).toBe('"Mute Type" must be one of "temporary", "permanent", got "forever" [item 0]');
	});

	test('a list of 100,000 client IDs is refused at once', async () => {
		const { error } = await runNode({
			items: [{ ids: Array.from({ length: 100_000 }, (_, index) => `u${index}`) }],
			parameters: { resource: 'client', operation: 'checkOnline', clientIds: '={{ $json.ids }}' },
		});
		expect(error?.message).toBe('"Client IDs" has 100000 entries; LeanCloud accepts at most 20 client IDs [item 0]');
	});
});

test('Simplify keeps server keys such as "__proto__" and "constructor" as plain data', async () => {
	api()
		.get(`/1.2/rtm/conversations/${CONVERSATION}/messages`)
		.query(true)
		.reply(200, '[{"msg-id":"m1","timestamp":1764064800000,"from":"a","data":"x","constructor":"c","__proto__":{"polluted":true}}]', {
			'Content-Type': 'application/json',
		});
	const { output } = await runNode({
		parameters: { resource: 'message', operation: 'getAll', conversationId: byId(CONVERSATION), limit: 1, simplify: true },
	});
	const json = output[0].json;
	expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
	expect((json as IDataObject).polluted).toBeUndefined();
	expect(json.constructor).toBe('c');
	expect(API_SERVER).toMatch(/^https:/);
});
