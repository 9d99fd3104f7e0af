// The LeanCloud IM Hook Trigger's webhook inside n8n-core's WebhookContext: which calls start an execution (signed by
// the forwarder's own sign(), fresh, not seen before, for the trigger's event) and what each gets back.
import { randomBytes } from 'crypto';

import { runWebhook, type WebhookCall } from '../../harness/runNode';
import { LeanCloudImHookTrigger, MAX_PARAMS_DEPTH, unrepresentableReply } from '../../nodes/LeanCloudImHookTrigger/LeanCloudImHookTrigger.node';
import { ReplayGuard } from '../../nodes/LeanCloudImHookTrigger/replays';
import { captureWarnings } from '../harness/warnings.cjs';
import { HOOKS as TRIGGER_HOOKS } from '../../nodes/shared/hooks/catalogue';
import { HOOKS as FORWARDER_HOOKS, MAX_DEPTH as FORWARDER_MAX_DEPTH, NEVER_FORWARDED, sign, unrepresentable } from '../harness/forwarder.cjs';

const SECRET = 'shared-secret-for-tests';
// After this process started: the trigger refuses calls signed before its process could remember them.
const NOW = Date.now() + 10 * 60_000;
const credentials = { sharedSecret: SECRET, callbackToken: 'callback-token-for-tests' };

/** A call exactly as the forwarder makes it, signed with its own code. */
function forwarderCall(hook: string, params: object, { timestamp = NOW, secret = SECRET, requestId = randomBytes(12).toString('hex') } = {}): Pick<WebhookCall, 'headers' | 'rawBody'> {
	const body = JSON.stringify(params);
	return {
		rawBody: body,
		headers: {
			'content-type': 'application/json',
			'x-lc-im-hook': hook,
			'x-lc-im-timestamp': String(timestamp),
			'x-lc-im-request-id': requestId,
			'x-lc-im-signature': sign(secret, { timestamp: String(timestamp), requestId, hook, body }),
			'x-lc-im-on-failure': 'deliver',
		},
	};
}

const received = { fromPeer: 'spammer-9', convId: '64d1c0ffee5a4dbeef000001', toPeers: ['customer-1', 'agent-7'], transient: false, bin: false, content: 'Buy cheap pills', receipt: false, timestamp: NOW, system: false, sourceIP: '10.0.0.9' };

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(NOW));
afterEach(() => jest.restoreAllMocks());

describe('signed calls start one execution each', () => {
	test('Message Received: the params, the polling trigger\'s names, and what happens without a decision', async () => {
		const { result, response } = await runWebhook({ parameters: { event: 'messageReceived' }, credentials, ...forwarderCall('_messageReceived', received) });
		expect(response).toBeUndefined(); // n8n answers with the workflow's last node
		expect(result.noWebhookResponse).toBeUndefined();
		const items = result.workflowData?.[0] ?? [];
		expect(items).toHaveLength(1);
		expect(items[0].json).toEqual({
			...received,
			conversationId: received.convId,
			fromClient: 'spammer-9',
			toClients: ['customer-1', 'agent-7'],
			text: 'Buy cheap pills',
			contentType: 'text',
			hookCall: {
				event: 'messageReceived',
				hook: '_messageReceived',
				requestId: expect.stringMatching(/^[0-9a-f]{24}$/),
				waitsForDecision: true,
				ifNoDecision: "Delivered unchanged: the forwarder is fail-open. End the workflow with the LeanCloud IM node's Hook Reply to decide.",
			},
		});
	});

	test('a rich message gives its text and type', async () => {
		const content = JSON.stringify({ _lctype: -2, _lctext: 'look', _lcfile: { url: 'https://files.example.com/a.png' } });
		const { result } = await runWebhook({ parameters: { event: 'messageReceived' }, credentials, ...forwarderCall('_messageReceived', { ...received, content }) });
		expect(result.workflowData?.[0][0].json).toMatchObject({ content, text: 'look', contentType: 'image', fileUrl: 'https://files.example.com/a.png' });
	});

	test('a notification is answered at once ({}), and still starts its execution', async () => {
		const params = { peerId: 'customer-1', sourceIP: '10.0.0.1', tag: 'mobile', reconnect: 0 };
		const { result, response } = await runWebhook({ parameters: { event: 'clientOnline' }, credentials, ...forwarderCall('_clientOnline', params) });
		expect(response).toEqual({ status: 200, body: {} });
		expect(result.noWebhookResponse).toBe(true);
		expect(result.workflowData?.[0][0].json).toMatchObject({ ...params, clientId: 'customer-1', hookCall: { hook: '_clientOnline', waitsForDecision: false } });
	});

	test('a timestamp 4:59 old or ahead is accepted', async () => {
		for (const skew of [-299_000, 299_000]) {
			const { result } = await runWebhook({ parameters: { event: 'messageReceived' }, credentials, ...forwarderCall('_messageReceived', received, { timestamp: NOW + skew }) });
			expect(result.workflowData).toBeDefined();
		}
	});
});

describe('forged, unsigned, tampered and replayed calls get 401 and start no execution', () => {
	const cases: Array<[string, () => Pick<WebhookCall, 'headers' | 'rawBody'>, RegExp]> = [
		['unsigned', () => ({ headers: { 'content-type': 'application/json' }, rawBody: JSON.stringify(received) }), /Unsigned call/],
		['signed with another secret', () => forwarderCall('_messageReceived', received, { secret: 'another-value-for-tests' }), /Bad signature/],
		[
			'tampered body',
			() => {
				const call = forwarderCall('_messageReceived', received);
				return { ...call, rawBody: call.rawBody.replace('Buy cheap pills', 'Hello') };
			},
			/Bad signature/,
		],
		[
			'a changed timestamp',
			() => {
				const call = forwarderCall('_messageReceived', received);
				return { ...call, headers: { ...call.headers, 'x-lc-im-timestamp': String(NOW - 1) } };
			},
			/Bad signature/,
		],
		[
			'the signature of one hook sent as another',
			() => {
				const call = forwarderCall('_messageSent', received);
				return { ...call, headers: { ...call.headers, 'x-lc-im-hook': '_messageReceived' } };
			},
			/Bad signature/,
		],
		['5 minutes and a second old', () => forwarderCall('_messageReceived', received, { timestamp: NOW - 301_000 }), /older or newer than 5 minutes/],
		['from the future', () => forwarderCall('_messageReceived', received, { timestamp: NOW + 301_000 }), /older or newer than 5 minutes/],
	];
	test.each(cases)('%s', async (_name, make, reason) => {
		const { result, response } = await runWebhook({ parameters: { event: 'messageReceived' }, credentials, ...make() });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({ status: 401, body: { code: 401, error: expect.stringMatching(reason) } });
		expect(JSON.stringify(response)).not.toContain(SECRET);
	});

	test('the same call twice within the window: the second is a replay', async () => {
		const call = forwarderCall('_messageReceived', received);
		const first = await runWebhook({ parameters: { event: 'messageReceived' }, credentials, ...call });
		expect(first.result.workflowData).toBeDefined();
		const second = await runWebhook({ parameters: { event: 'messageReceived' }, credentials, ...call });
		expect(second.result).toEqual({ noWebhookResponse: true });
		expect(second.response).toEqual({ status: 401, body: { code: 401, error: 'This call was already received (a replay)' } });
	});

	test('a forged call does not use up its request ID: the real call with that ID still passes', async () => {
		const requestId = randomBytes(12).toString('hex');
		const forged = await runWebhook({ parameters: { event: 'messageReceived' }, credentials, ...forwarderCall('_messageReceived', received, { requestId, secret: 'forged-value-for-tests' }) });
		expect(forged.response?.status).toBe(401);
		const real = await runWebhook({ parameters: { event: 'messageReceived' }, credentials, ...forwarderCall('_messageReceived', received, { requestId }) });
		expect(real.result.workflowData).toBeDefined();
	});

	test('a signed call for another hook: 409, naming both, no execution', async () => {
		const { result, response } = await runWebhook({ parameters: { event: 'messageReceived' }, credentials, ...forwarderCall('_messageSent', { msgId: 'm1' }) });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({ status: 409, body: { code: 409, error: expect.stringContaining('This trigger listens for _messageReceived; the forwarder sent _messageSent') } });
	});
});

describe('the service-conversation message callback', () => {
	const row = (msgId: string, data: string) => ({
		fromIp: '10.0.0.2',
		conv: { __type: 'Pointer', className: '_Conversation', objectId: 'svc000000000000000000001' },
		msgId,
		from: 'customer-1',
		bin: false,
		data,
		createdAt: { __type: 'Date', iso: '2026-12-01T09:00:00.000Z' },
		updatedAt: { __type: 'Date', iso: '2026-12-01T09:00:00.000Z' },
	});
	const callback = (rows: object[], token = credentials.callbackToken, parameters = {}) =>
		runWebhook({ parameters: { event: 'serviceMessage', ...parameters }, credentials, headers: { 'content-type': 'application/json' }, rawBody: JSON.stringify(rows), query: { token }, workflowId: 'svc-wf' });

	test('one item per message, answered at once; a retried batch reports only what is new', async () => {
		const first = await callback([row('svcmsg-1', 'Hi'), row('svcmsg-2', 'Where is my order?')]);
		expect(first.response).toEqual({ status: 200, body: {} });
		expect(first.result.workflowData?.[0].map((item) => item.json)).toEqual([
			expect.objectContaining({ messageId: 'svcmsg-1', conversationId: 'svc000000000000000000001', fromClient: 'customer-1', text: 'Hi', content: 'Hi', contentType: 'text', timestamp: Date.parse('2026-12-01T09:00:00.000Z'), fromIp: '10.0.0.2' }),
			expect.objectContaining({ messageId: 'svcmsg-2', text: 'Where is my order?' }),
		]);
		const retried = await callback([row('svcmsg-1', 'Hi'), row('svcmsg-2', 'Where is my order?')]);
		expect(retried.response).toEqual({ status: 200, body: {} });
		expect(retried.result).toEqual({ noWebhookResponse: true });
		const next = await callback([row('svcmsg-2', 'Where is my order?'), row('svcmsg-3', 'Thanks')]);
		expect(next.result.workflowData?.[0].map((item) => item.json.messageId)).toEqual(['svcmsg-3']);
	});

	test('one item per batch', async () => {
		const { result } = await callback([row('svcmsg-b1', 'a'), row('svcmsg-b2', 'b')], undefined, { callbackOutput: 'batch' });
		const items = result.workflowData?.[0] ?? [];
		expect(items).toHaveLength(1);
		expect(items[0].json.count).toBe(2);
		expect((items[0].json.messages as Array<{ messageId: string }>).map((message) => message.messageId)).toEqual(['svcmsg-b1', 'svcmsg-b2']);
	});

	test.each([
		['a wrong token', 'wrong-token-000000000000'],
		['no token', undefined],
	])('%s: 401, no execution', async (_name, token) => {
		const { result, response } = await runWebhook({
			parameters: { event: 'serviceMessage' },
			credentials,
			headers: {},
			rawBody: JSON.stringify([row('svcmsg-x', 'x')]),
			query: token === undefined ? {} : { token },
		});
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({ status: 401, body: { code: 401, error: 'The ?token= of this URL is not the Callback Token of the credential' } });
	});
});

test('the trigger and the forwarder state the same hooks, blocking flags and reply fields; neither forwards _rtmClientSign', () => {
	const fromTrigger = Object.fromEntries(TRIGGER_HOOKS.map((entry) => [entry.hook, { blocking: entry.blocking, reply: entry.reply }]));
	expect(fromTrigger).toEqual(FORWARDER_HOOKS);
	expect(NEVER_FORWARDED).toEqual(['_rtmClientSign']);
	expect(Object.keys(fromTrigger)).not.toContain('_rtmClientSign');
});

test('a call too deep for n8n: the trigger refuses it at the forwarder\'s depth, with the forwarder\'s answer, for every hook', () => {
	expect(MAX_PARAMS_DEPTH).toBe(FORWARDER_MAX_DEPTH);
	for (const def of TRIGGER_HOOKS) expect([def.hook, unrepresentableReply(def)]).toEqual([def.hook, unrepresentable(def.hook)]);
});

test("the credential's test: secrets the forwarder would refuse are named", async () => {
	const check = new LeanCloudImHookTrigger().methods.credentialTest.checkSecrets;
	const run = async (data: object) => await check.call({} as never, { id: 'c', name: 'c', type: 'leanCloudImHookApi', data } as never);
	expect(await run({ sharedSecret: '' })).toEqual({ status: 'Error', message: 'Shared Secret is empty' });
	expect(await run({ sharedSecret: 'short' })).toEqual({ status: 'Error', message: 'Shared Secret is shorter than 16 characters' });
	expect(await run({ sharedSecret: 'long-enough-for-tests', callbackToken: 'short' })).toEqual({ status: 'Error', message: 'Callback Token is shorter than 16 characters' });
	expect(await run({ sharedSecret: ' '.repeat(16) })).toEqual({ status: 'Error', message: 'Shared Secret is empty' });
	expect(await run({ sharedSecret: 'ab'.repeat(10) })).toEqual({ status: 'Error', message: 'Shared Secret has fewer than 8 different characters (it is easy to guess)' });
	expect(await run({ sharedSecret: 'long-enough-for-tests' })).toEqual({ status: 'OK', message: 'The secrets are long enough' });
});

describe('a credential that breaks its own rules: every call is refused (401, no execution, a log line)', () => {
	test.each([
		['an empty Shared Secret', { sharedSecret: '' }, 'Shared Secret is empty'],
		['no Shared Secret', {}, 'Shared Secret is empty'],
		['a 1-character Shared Secret', { sharedSecret: 'x' }, 'Shared Secret is shorter than 16 characters'],
		['16 spaces', { sharedSecret: ' '.repeat(16) }, 'Shared Secret is empty'],
		['a guessable one', { sharedSecret: 'a'.repeat(20) }, 'Shared Secret has fewer than 8 different characters'],
	])('%s: a call signed with it is refused', async (_name, credential, logged) => {
		const warnings = captureWarnings();
		const secret = (credential as { sharedSecret?: string }).sharedSecret ?? '';
		const { result, response } = await runWebhook({ parameters: { event: 'messageReceived' }, credentials: credential, ...forwarderCall('_messageReceived', received, { secret }) });
		warnings.stop();
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({ status: 401, body: { code: 401, error: "Refused: the trigger's credential does not meet its rules (n8n's log says which)" } });
		expect(warnings.messages).toEqual([expect.stringContaining(`refuses every call: in its credential, ${logged}`)]);
	});

	test.each([
		['no Callback Token', { sharedSecret: SECRET }, ''],
		['a 1-character Callback Token', { sharedSecret: SECRET, callbackToken: 'x' }, 'x'],
	])('the service callback with %s refuses even a matching ?token=', async (_name, credential, token) => {
		const { result, response } = await runWebhook({
			parameters: { event: 'serviceConversationMessage' },
			credentials: credential,
			headers: { 'content-type': 'application/json' },
			rawBody: JSON.stringify([{ msgId: 'm1', from: 'a', data: 'hi', conv: { objectId: 'c1' } }]),
			query: { token },
		});
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response?.status).toBe(401);
	});
});

describe('a call that cannot be represented is refused, never failed open; any other reaches the workflow', () => {
	const nested = (depth: number) => {
		let value: object = { leaf: true };
		for (let level = 1; level < depth; level++) value = { a: value };
		return value;
	};
	test('params nested deeper than 1,000 levels: answered with a refusal (a marked decision), no execution', async () => {
		const { result, response } = await runWebhook({ parameters: { event: 'messageReceived' }, credentials, ...forwarderCall('_messageReceived', { ...received, attr: nested(1002) }) });
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toEqual({ status: 200, body: { decision: 'refused', hookReply: { drop: true, code: 422, detail: 'This message cannot be checked by moderation, so it was not delivered.' } } });
	});
	test('5 KB of content, lone surrogates, __proto__ and 999 levels: one execution with the params as sent', async () => {
		const params = JSON.parse(
			JSON.stringify({ ...received, content: `${'x'.repeat(5 * 1024 - 20)} \ud800 \udfff`, attr: nested(999) }).replace('"fromPeer"', '"__proto__":{"polluted":true},"fromPeer"'),
		) as Record<string, unknown>;
		const { result } = await runWebhook({ parameters: { event: 'messageReceived' }, credentials, ...forwarderCall('_messageReceived', params) });
		const item = result.workflowData?.[0][0].json as Record<string, unknown>;
		expect(item.content).toBe(params.content);
		expect(item.attr).toEqual(params.attr);
		expect(Object.prototype.hasOwnProperty.call(item, '__proto__')).toBe(true);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});

describe('replays after a restart and under a flood (ReplayGuard)', () => {
	const WINDOW = 5 * 60_000;
	test('a call signed before the process started is refused, even unseen: a restart opens no window', () => {
		const started = 1_000_000;
		const guard = new ReplayGuard(WINDOW, 10, started);
		expect(guard.admit('a1', started - 1, started + 5_000)).toMatch(/signed before this n8n process could remember it/);
		expect(guard.admit('a2', started + 1, started + 5_000)).toBeUndefined();
		expect(guard.admit('a2', started + 1, started + 6_000)).toBe('This call was already received (a replay)');
	});
	test('past its memory, it forgets the oldest and refuses everything signed no later: never a hole in the window', () => {
		const guard = new ReplayGuard(WINDOW, 3, 0);
		for (const [id, at] of [['c1', 100], ['c2', 200], ['c3', 300]] as const) expect(guard.admit(id, at, 1_000)).toBeUndefined();
		expect(guard.admit('c4', 400, 1_000)).toBeUndefined(); // c1 forgotten: nothing signed at 100 or before passes now
		expect(guard.size).toBe(3);
		expect(guard.admit('c1', 100, 1_000)).toMatch(/signed before this n8n process could remember it/);
		expect(guard.admit('c0', 50, 1_000)).toMatch(/signed before/);
		expect(guard.admit('c5', 150, 1_000)).toBeUndefined();
	});
	test('calls leave its memory once their time can no longer pass the window', () => {
		const guard = new ReplayGuard(WINDOW, 100, 0);
		expect(guard.admit('d1', 1_000, 1_000)).toBeUndefined();
		expect(guard.admit('d2', 2_000, 1_000 + WINDOW + 1)).toBeUndefined();
		expect(guard.size).toBe(1);
	});
});
