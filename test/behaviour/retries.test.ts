import type { INodeParameters } from 'n8n-workflow';
import type nock from 'nock';

import { LeanCloudIm } from '../../nodes/LeanCloudIm/LeanCloudIm.node';
import { wait } from '../../nodes/shared/sending/wait';
import { api, byId, expectAllRequestsMade, oid, resetNock, sendParameters } from '../harness/leancloud';
import { runNode, startRun } from '../harness/runNode';

const sent = (id: string) => ({ result: { 'msg-id': id, timestamp: 1764064800000 } });
const send = sendParameters;
const members: INodeParameters = { resource: 'member', operation: 'getAll', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), returnAll: true };

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

describe('rate limits (429)', () => {
	test('a 429 waits as Retry-After says, then resends, re-signed; the message is delivered once', async () => {
		const signatures: string[] = [];
		api()
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: 'Hi' })
			.reply(function () {
				signatures.push(String(this.req.headers['x-lc-sign']));
				return [429, { code: 429, error: 'Too many requests.' }, { 'Retry-After': '1' }];
			})
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: 'Hi' })
			.reply(function () {
				signatures.push(String(this.req.headers['x-lc-sign']));
				return [200, sent('m1')];
			});
		const started = Date.now();
		const { output, error } = await runNode({ parameters: send() });
		expect(error).toBeUndefined();
		expect(output).toEqual([{ json: { conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', messageId: 'm1', timestamp: 1764064800000, fromClient: 'bot' }, pairedItem: { item: 0 } }]);
		expect(Date.now() - started).toBeGreaterThanOrEqual(950);
		expect(signatures).toHaveLength(2);
	});

	test('an HTTP-date Retry-After is honoured too', async () => {
		const soon = new Date(Date.now() + 1000).toUTCString();
		api()
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/members')
			.reply(429, { code: 429, error: 'Too many requests.' }, { 'Retry-After': soon })
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/members')
			.reply(200, { result: ['a'] });
		const { output } = await runNode({ parameters: members });
		expect(output).toEqual([{ json: { clientId: 'a' }, pairedItem: { item: 0 } }]);
	});

	test('the item fails with the 429 when waiting would exceed Max Wait (without Retry-After the wait is the documented minute)', async () => {
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').once().reply(429, { code: 429, error: 'Too many requests.' });
		const started = Date.now();
		const { error } = await runNode({ parameters: send({ options: { maxRateLimitWait: 30 } }) });
		expect(error?.message).toBe('LeanCloud: Too many requests. [HTTP 429, code 429]');
		expect(Date.now() - started).toBeLessThan(2000);
	});

	test('with Retry on Rate Limit off, a 429 fails the item at once', async () => {
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').once().reply(429, { code: 429, error: 'Too many requests.' }, { 'Retry-After': '1' });
		const { error } = await runNode({ parameters: send({ options: { retryOnRateLimit: false } }) });
		expect(error?.httpCode).toBe('429');
	});
});

describe('server and network errors', () => {
	test('a GET is resent after 5xx answers, up to 3 attempts in all', async () => {
		api()
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/members')
			.reply(503, { code: 503, error: 'Service unavailable.' }, { 'Retry-After': '0' })
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/members')
			.reply(502, '<html>Bad Gateway</html>', { 'Retry-After': '0' })
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/members')
			.reply(200, { result: ['a'] });
		const { output } = await runNode({ parameters: members });
		expect(output).toEqual([{ json: { clientId: 'a' }, pairedItem: { item: 0 } }]);
	});

	test('after 3 failed attempts the item fails with the last answer', async () => {
		api().get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/members').times(3).reply(500, { code: 1, error: 'Internal server error.' }, { 'Retry-After': '0' });
		const { error } = await runNode({ parameters: members });
		expect(error?.message).toBe('LeanCloud: Internal server error. [HTTP 500, code 1]');
	});

	test('a send (POST) is not resent after a 5xx by default: it may have arrived', async () => {
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').once().reply(502, 'Bad Gateway');
		const { error } = await runNode({ parameters: send() });
		expect(error?.httpCode).toBe('502');
	});

	test('a send is resent after a 5xx when the user opts in with All Requests', async () => {
		api()
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages')
			.reply(503, { code: 503, error: 'Service unavailable.' }, { 'Retry-After': '0' })
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages')
			.reply(200, sent('m2'));
		const { output } = await runNode({ parameters: send({ options: { retryOnErrors: 'all' } }) });
		expect(output[0].json.messageId).toBe('m2');
	});

	test('a DELETE is resent after a connection reset; a POST is not', async () => {
		const reset = () => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
		api().delete('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1').replyWithError(reset()).delete('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1').reply(200, {});
		const deleted = await runNode({ parameters: { resource: 'conversation', operation: 'delete', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1') } });
		expect(deleted.output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);

		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').replyWithError(reset());
		const failed = await runNode({ parameters: send() });
		expect(failed.error?.errorResponse).toMatchObject({ networkCode: 'ECONNRESET' });
	});

	test('Retry on Server or Network Errors set to Never does not resend even a GET', async () => {
		api().get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/members').once().reply(503, { code: 503, error: 'Service unavailable.' }, { 'Retry-After': '0' });
		const { error } = await runNode({ parameters: { ...members, options: { retryOnErrors: 'never' } } });
		expect(error?.httpCode).toBe('503');
	});

	test('Timeout ends a request that takes too long', async () => {
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').delay(3000).reply(200, sent('late'));
		const started = Date.now();
		const { error } = await runNode({ parameters: send({ options: { timeout: 1 } }) });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.description).toContain('Check API Server');
		expect(Date.now() - started).toBeLessThan(2500);
	});
});

describe('concurrency and order', () => {
	test('requests for one conversation never overlap and keep input order; other conversations run alongside', async () => {
		const arrivals: string[] = [];
		const inFlight = new Map<string, number>();
		let overlap = false;
		let peak = 0;
		let total = 0;
		const handler = (conversation: string) =>
			async function (_uri: string, requestBody: nock.Body) {
				const body = requestBody as { message: string };
				arrivals.push(`${conversation}:${body.message}`);
				const count = (inFlight.get(conversation) ?? 0) + 1;
				if (count > 1) overlap = true;
				inFlight.set(conversation, count);
				peak = Math.max(peak, ++total);
				await wait(40);
				inFlight.set(conversation, count - 1);
				total--;
				return [200, sent(body.message)] as [number, object];
			};
		const items = Array.from({ length: 12 }, (_, index) => ({ conv: oid(['a', 'b', 'c'][index % 3]), text: `m${index}` }));
		const scope = api();
		for (const conversation of ['a', 'b', 'c']) scope.post(`/1.2/rtm/conversations/${oid(conversation)}/messages`).times(4).reply(handler(conversation));

		const { output } = await runNode({
			items,
			parameters: send({ conversationId: byId('={{ $json.conv }}'), text: '={{ $json.text }}', options: { concurrency: 8 } }),
		});

		expect(overlap).toBe(false);
		expect(peak).toBe(3);
		for (const conversation of ['a', 'b', 'c']) {
			const expected = items.filter((item) => item.conv === oid(conversation)).map((item) => `${conversation}:${item.text}`);
			expect(arrivals.filter((arrival) => arrival.startsWith(`${conversation}:`))).toEqual(expected);
		}
		expect(output.map((item) => [item.json.messageId, item.pairedItem])).toEqual(items.map((item, index) => [item.text, { item: index }]));
	});

	test('Concurrency bounds requests in flight across conversations', async () => {
		let inFlight = 0;
		let peak = 0;
		api()
			.get(/\/1\.2\/rtm\/conversations\/[0-9a-f]{24}\/members/)
			.times(10)
			.reply(async () => {
				peak = Math.max(peak, ++inFlight);
				await wait(30);
				inFlight--;
				return [200, { result: [] }];
			});
		await runNode({
			items: Array.from({ length: 10 }, (_, index) => ({ id: oid(`c${index}`) })),
			parameters: { ...members, conversationId: byId('={{ $json.id }}'), options: { concurrency: 4 } },
		});
		expect(peak).toBe(4);
	});
});

describe('cancellation', () => {
	test('stopping the execution ends a wait for the quota at once, and nothing more is sent', async () => {
		const execute = jest.spyOn(LeanCloudIm.prototype, 'execute');
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').once().reply(429, { code: 429, error: 'Too many requests.' }, { 'Retry-After': '30' });
		const run = startRun({ parameters: send() });
		await wait(500);
		const nodeRun = execute.mock.results[0].value as Promise<unknown>;
		const cancelledAt = Date.now();
		run.cancel();
		await expect(nodeRun).rejects.toThrow('The execution was cancelled while sending');
		expect(Date.now() - cancelledAt).toBeLessThan(500);
		execute.mockRestore();
	});
});
