import { api, byId, expectAllRequestsMade, oid, plainKeyApi, resetNock, sendParameters } from '../harness/leancloud';
import { runNode, startRun, TEST_APP_KEY, TEST_MASTER_KEY } from '../../harness/runNode';

const send = sendParameters;
const sent = (id: string) => ({ result: { 'msg-id': id, timestamp: 1764064800000 } });

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

describe('API errors become NodeApiError with LeanCloud\'s code and text, the HTTP status and a hint', () => {
	test.each([
		[401, { code: 401, error: 'Unauthorized.' }, 'LeanCloud: Unauthorized. [HTTP 401, code 401]', 'Check the App ID and keys'],
		[403, { code: 403, error: 'Forbidden to access _Conversation.' }, 'LeanCloud: Forbidden to access _Conversation. [HTTP 403, code 403]', 'needs the Master Key'],
		[404, { code: 4401, error: 'INVALID_MESSAGING_TARGET' }, 'LeanCloud: INVALID_MESSAGING_TARGET [HTTP 404, code 4401]', 'purged after 6 months'],
		[429, { code: 429, error: 'Too many requests.' }, 'LeanCloud: Too many requests. [HTTP 429, code 429]', 'rate limit'],
		[500, { code: 1, error: 'Internal server error.' }, 'LeanCloud: Internal server error. [HTTP 500, code 1]', 'internal or parameter error'],
	])('HTTP %i', async (status, body, message, hint) => {
		// Sent once: statuses are read by the node, so n8n's helper does not re-send on 401; a POST is not
		// resent after a 500 by default, and this test turns 429 retries off (they have their own suite).
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').once().reply(status, body);
		const { error, output } = await runNode({ parameters: send({ options: { retryOnRateLimit: false } }) });
		expect(output).toEqual([]);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(message);
		expect(error?.description).toContain(hint);
		expect(error?.httpCode).toBe(String(status));
		expect(error?.errorResponse).toMatchObject({ code: body.code, error: body.error, httpCode: String(status) });
		expect(error?.context?.itemIndex).toBe(0);
	});

	test('an HTML error page from a gateway is reported by status with a short excerpt', async () => {
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').reply(502, '<html><body><h1>502 Bad Gateway</h1></body></html>', { 'Content-Type': 'text/html' });
		const { error } = await runNode({ parameters: send() });
		expect(error?.message).toBe('LeanCloud: 502 Bad Gateway [HTTP 502]');
		expect(error?.description).toContain('could not process the request');
	});

	test('a connection failure names the network error', async () => {
		// An Error instance: nock 14 never completes a request whose replyWithError got a plain object.
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
		const { error } = await runNode({ parameters: send() });
		expect(error?.name).toBe('NodeApiError');
		// Our own words, not n8n's generic text for ECONNRESET (which advises the node-level Retry On Fail).
		expect(error?.message).toBe('LeanCloud: The request failed before a response arrived [ECONNRESET]');
		expect(error?.errorResponse).toMatchObject({ networkCode: 'ECONNRESET' });
		expect(error?.description).toContain('Check API Server');
	});

	test('the failing item is named in the error', async () => {
		api()
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: 'one' })
			.reply(200, sent('m1'))
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: 'two' })
			.reply(404, { code: 4401, error: 'INVALID_MESSAGING_TARGET' });
		const { error } = await runNode({ items: [{ text: 'one' }, { text: 'two' }], parameters: send({ text: '={{ $json.text }}' }) });
		expect(error?.context?.itemIndex).toBe(1);
	});
});

describe('Continue On Fail', () => {
	test('every input item yields exactly one output item, paired and in input order', async () => {
		api()
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: 'first' })
			.reply(200, sent('m1'))
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: 'second' })
			.reply(429, { code: 429, error: 'Too many requests.' })
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: 'fourth' })
			.reply(200, sent('m4'));

		const { output, error } = await runNode({
			continueOnFail: true,
			items: [{ text: 'first' }, { text: 'second' }, { text: '' }, { text: 'fourth' }],
			parameters: send({ text: '={{ $json.text }}', options: { retryOnRateLimit: false } }),
		});

		expect(error).toBeUndefined();
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].json).toEqual({ conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', messageId: 'm1', timestamp: 1764064800000, fromClient: 'bot' });
		expect(output[1].json).toEqual({
			error: 'LeanCloud: Too many requests. [HTTP 429, code 429]',
			details: { description: expect.stringContaining('rate limit'), code: 429, httpCode: '429' },
		});
		expect(output[2].json).toEqual({ error: '"Text" is empty [item 2]', details: { description: 'Fix "Text" for this item and run the node again.' } });
		expect(output[3].json.messageId).toBe('m4');
	});

	test('a Get Many error yields one error item for that input item; other items keep all their results', async () => {
		api()
			.get(`/1.2/rtm/conversations/${oid('a')}/members`)
			.reply(200, { result: ['x', 'y'] })
			.get(`/1.2/rtm/conversations/${oid('b')}/members`)
			.reply(404, { code: 4303, error: 'CONVERSATION_NOT_FOUND' });
		const { output } = await runNode({
			continueOnFail: true,
			items: [{ id: oid('a') }, { id: oid('b') }],
			parameters: { resource: 'member', operation: 'getAll', returnAll: true, conversationId: byId('={{ $json.id }}') },
		});
		expect(output).toEqual([
			{ json: { clientId: 'x' }, pairedItem: { item: 0 } },
			{ json: { clientId: 'y' }, pairedItem: { item: 0 } },
			{
				json: {
					error: 'LeanCloud: CONVERSATION_NOT_FOUND [HTTP 404, code 4303]',
					details: { description: 'The conversation does not exist. Check the conversation ID.', code: 4303, httpCode: '404' },
				},
				pairedItem: { item: 1 },
			},
		]);
	});
});

describe('Keys never appear in outputs or errors', () => {
	test('not in error output items, error messages or descriptions, in either auth mode', async () => {
		for (const signRequests of [true, false]) {
			const scope = signRequests ? api() : plainKeyApi();
			scope.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').reply(401, { code: 401, error: 'Unauthorized.' });
			const failed = await runNode({
				credentials: {
					appId: 'TestAppId0001',
					clientToken: TEST_APP_KEY,
					serverSecret: TEST_MASTER_KEY,
					apiServer: 'https://im-api.test.example',
					signRequests,
				},
				parameters: send(),
			});
			const serialised = JSON.stringify([failed.output, failed.error, failed.error?.message, failed.error?.description, failed.error?.errorResponse]);
			expect(serialised).not.toContain(TEST_MASTER_KEY);
			expect(serialised).not.toContain(TEST_APP_KEY);
			expect(failed.error?.message).toBe('LeanCloud: Unauthorized. [HTTP 401, code 401]');
		}
	});
});

describe('Continue (using error output)', () => {
	test('failed items go to the error branch and successful ones to the main branch, each paired to its input, in input order', async () => {
		api()
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: 'first' })
			.reply(200, sent('m1'))
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: 'second' })
			.reply(404, { code: 4401, error: 'INVALID_MESSAGING_TARGET' })
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: 'fourth' })
			.reply(200, sent('m4'));
		const run = await startRun({
			onError: 'continueErrorOutput',
			items: [{ text: 'first' }, { text: 'second' }, { text: '' }, { text: 'fourth' }],
			parameters: send({ text: '={{ $json.text }}' }),
		});
		const task = run.data.resultData.runData['LeanCloud IM'][0];
		expect(task.error).toBeUndefined();
		const [success, failed] = task.data?.main ?? [];
		expect(success).toEqual([
			{ json: { conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', messageId: 'm1', timestamp: 1764064800000, fromClient: 'bot' }, pairedItem: { item: 0 } },
			{ json: { conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', messageId: 'm4', timestamp: 1764064800000, fromClient: 'bot' }, pairedItem: { item: 3 } },
		]);
		// n8n merges the input item's fields into each error item, as it does for every node's error output.
		expect(failed).toEqual([
			{
				json: {
					text: 'second',
					error: 'LeanCloud: INVALID_MESSAGING_TARGET [HTTP 404, code 4401]',
					details: { description: expect.stringContaining('does not exist'), code: 4401, httpCode: '404' },
				},
				pairedItem: { item: 1 },
			},
			{
				json: { text: '', error: '"Text" is empty [item 2]', details: { description: 'Fix "Text" for this item and run the node again.' } },
				pairedItem: { item: 2 },
			},
		]);
	});
});
