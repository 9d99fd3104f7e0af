import type { INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { LeanCloudIm } from '../../nodes/LeanCloudIm/LeanCloudIm.node';
import { heldReplies, until } from '../harness/hooks';
import { api, byId, expectAllRequestsMade, oid, resetNock, sendParameters } from '../harness/leancloud';
import { runNode, startRun } from '../../harness/runNode';

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
		const { error } = await runNode({ parameters: send({ options: { maxRateLimitWait: 30 } }) });
		expect(error?.message).toBe('LeanCloud: Too many requests. [HTTP 429, code 429]');
		// It did not wait the minute: it says why it gave up instead (and one request was made, see afterEach).
		expect(error?.description).toContain('waiting it out would take 60 s more, beyond Options > Max Wait for Rate Limit (30 s)');
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
		// The answer never comes: only the deadline can end the request.
		const never = heldReplies(() => [200, sent('late')]);
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').reply(never.reply);
		const { error } = await runNode({ parameters: send({ options: { timeout: 1 } }) });
		expect(error?.message).toBe('LeanCloud: No complete answer within the timeout (1 s) [ETIMEDOUT]');
		expect(error?.description).toContain('Check API Server');
		expect(never.arrived).toBe(1);
	});
});

describe('concurrency and order', () => {
	test('requests for one conversation never overlap and keep input order; other conversations run alongside', async () => {
		const arrivals: string[] = [];
		const inFlight = new Map<string, number>();
		let overlap = false;
		let peak = 0;
		// Answers are held until the test lets them go, a round at a time: what is in flight is what the node sent.
		const held = heldReplies((body) => {
			const { conversation, message } = body as { conversation: string; message: string };
			inFlight.set(conversation, (inFlight.get(conversation) ?? 0) - 1);
			return [200, sent(message)];
		});
		const scope = api();
		for (const conversation of ['a', 'b', 'c']) {
			scope
				.post(`/1.2/rtm/conversations/${oid(conversation)}/messages`)
				.times(4)
				.reply((uri, requestBody, callback) => {
					const { message } = requestBody as { message: string };
					arrivals.push(`${conversation}:${message}`);
					const count = (inFlight.get(conversation) ?? 0) + 1;
					if (count > 1) overlap = true;
					inFlight.set(conversation, count);
					held.reply(uri, { conversation, message }, callback);
					peak = Math.max(peak, held.waiting);
				});
		}
		const items = Array.from({ length: 12 }, (_, index) => ({ conv: oid(['a', 'b', 'c'][index % 3]), text: `m${index}` }));
		const run = runNode({
			items,
			parameters: send({ conversationId: byId('={{ $json.conv }}'), text: '={{ $json.text }}', options: { concurrency: 8 } }),
		});
		// Four rounds: each conversation's next request leaves only once its previous one is answered.
		for (let round = 0; round < 4; round++) {
			await until(() => held.waiting === 3);
			for (let answer = 0; answer < 3; answer++) held.release();
		}
		const { output } = await run;

		expect(overlap).toBe(false);
		expect(peak).toBe(3);
		for (const conversation of ['a', 'b', 'c']) {
			const expected = items.filter((item) => item.conv === oid(conversation)).map((item) => `${conversation}:${item.text}`);
			expect(arrivals.filter((arrival) => arrival.startsWith(`${conversation}:`))).toEqual(expected);
		}
		expect(output.map((item) => [item.json.messageId, item.pairedItem])).toEqual(items.map((item, index) => [item.text, { item: index }]));
	});

	test('Concurrency bounds requests in flight across conversations', async () => {
		let peak = 0;
		const held = heldReplies(() => [200, { result: [] }]);
		api()
			.get(/\/1\.2\/rtm\/conversations\/[0-9a-f]{24}\/members/)
			.times(10)
			.reply((uri, body, callback) => {
				held.reply(uri, body, callback);
				peak = Math.max(peak, held.waiting);
			});
		const run = runNode({
			items: Array.from({ length: 10 }, (_, index) => ({ id: oid(`c${index}`) })),
			parameters: { ...members, conversationId: byId('={{ $json.id }}'), options: { concurrency: 4 } },
		});
		// 10 requests at 4 in flight: rounds of 4, 4 and 2, each released once it is all there.
		for (const round of [4, 4, 2]) {
			await until(() => held.waiting === round);
			for (let answer = 0; answer < round; answer++) held.release();
		}
		await run;
		expect(peak).toBe(4);
	});
});

describe('cancellation', () => {
	test('stopping the execution ends a wait for the quota at once, and nothing more is sent', async () => {
		const execute = jest.spyOn(LeanCloudIm.prototype, 'execute');
		// A four-minute block (within the default Max Wait): only the cancel can end the test within jest's timeout.
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').once().reply(429, { code: 429, error: 'Too many requests.' }, { 'Retry-After': '240' });
		const run = startRun({ parameters: send() });
		await until(() => execute.mock.results.length > 0 && nock.isDone());
		const nodeRun = execute.mock.results[0].value as Promise<unknown>;
		run.cancel();
		await expect(nodeRun).rejects.toThrow('The execution was cancelled while sending');
		execute.mockRestore();
	});
});
