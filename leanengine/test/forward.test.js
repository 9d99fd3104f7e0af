'use strict';
// The forwarder's core against a stand-in n8n on this machine: `npm test` here (node --test), and from the
// package's own `npm test`. No LeanEngine SDK needed; the SDK's side is run end to end (test/e2e/hooks.mjs).
const assert = require('node:assert/strict');
const { createHmac } = require('node:crypto');
const http = require('node:http');
const { after, before, describe, test } = require('node:test');

const { ConfigError, MAX_DEPTH, MAX_REPLY_BYTES, UNREPRESENTABLE, createForwarder, loadConfig, replyFor, secretProblem, sign } = require('../forward');

const SECRET = 'forwarder-test-secret-0001';

/** @type {http.Server} */
let server;
let base = '';
/** @type {Array<{ url: string, headers: http.IncomingHttpHeaders, body: string }>} */
const received = [];
/** @type {(req: http.IncomingMessage, res: http.ServerResponse, body: string) => void} */
let answer = (_req, res) => void res.end('{}');

before(async () => {
	server = http.createServer((req, res) => {
		let body = '';
		req.on('data', (chunk) => (body += chunk));
		req.on('end', () => {
			received.push({ url: req.url ?? '', headers: req.headers, body });
			answer(req, res, body);
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
});
after(() => {
	server.closeAllConnections();
	server.close();
});

/** @param {Record<string, string>} [env] */
const configWith = (env = {}) => loadConfig({ N8N_HOOK_SECRET: SECRET, N8N_HOOK_URL: `${base}/webhook/moderate`, LEANCLOUD_APP_HOOK_KEY: 'hook-key-of-the-app', ...env });
/** @param {unknown} body */
const json = (body) => (/** @type {http.IncomingMessage} */ _req, /** @type {http.ServerResponse} */ res) => {
	res.setHeader('content-type', 'application/json');
	res.end(JSON.stringify(body));
};

describe('configuration', () => {
	test('defaults: _messageReceived only, 1.5 s, fail-open', () => {
		const config = configWith();
		assert.deepEqual([...config.routes.keys()], ['_messageReceived']);
		assert.equal(config.budgetMs, 1500);
		assert.equal(config.onFailure, 'deliver');
	});
	test('per-hook URLs, and the default URL for the rest', () => {
		const config = configWith({ N8N_HOOK_EVENTS: '_messageReceived, _clientOnline=https://n8n.example.com/webhook/a/online' });
		assert.equal(config.routes.get('_clientOnline')?.href, 'https://n8n.example.com/webhook/a/online');
		assert.equal(config.routes.get('_messageReceived')?.href, `${base}/webhook/moderate`);
	});
	for (const [name, env, message] of /** @type {Array<[string, Record<string, string>, RegExp]>} */ ([
		['a short secret', { N8N_HOOK_SECRET: 'short' }, /N8N_HOOK_SECRET must be at least 16/],
		['a secret of 16 spaces', { N8N_HOOK_SECRET: ' '.repeat(16) }, /N8N_HOOK_SECRET is empty/],
		['a secret easy to guess', { N8N_HOOK_SECRET: 'abababababababababab' }, /N8N_HOOK_SECRET must have at least 8 different characters/],
		['no LEANCLOUD_APP_HOOK_KEY', { LEANCLOUD_APP_HOOK_KEY: '' }, /LEANCLOUD_APP_HOOK_KEY is not set: without it anyone with the public App Key could call the hook functions/],
		['a user name and password in N8N_HOOK_URL', { N8N_HOOK_URL: 'https://user:pass@n8n.example.com/webhook/x' }, /N8N_HOOK_URL must not contain a user name or password/],
		['a user name in a hook\'s own URL', { N8N_HOOK_EVENTS: '_messageReceived=https://admin@n8n.example.com/webhook/x' }, /The URL for _messageReceived must not contain a user name or password/],
		['_rtmClientSign', { N8N_HOOK_EVENTS: '_rtmClientSign' }, /never forwarded: its parameters hold the user's session token/],
		['an unknown hook', { N8N_HOOK_EVENTS: '_messageRecieved' }, /unknown hook "_messageRecieved"/],
		['plain http to another host', { N8N_HOOK_URL: 'http://n8n.example.com/webhook/x' }, /must be an https:\/\/ URL/],
		['a budget of 3 s', { N8N_HOOK_BUDGET_MS: '3000' }, /from 50 to 2500/],
		['an unknown failure mode', { N8N_HOOK_ON_FAILURE: 'open' }, /"deliver" \(fail-open, the default\) or "refuse"/],
	]))
		test(`refuses ${name}`, () => assert.throws(() => configWith(env), (error) => error instanceof ConfigError && message.test(error.message)));
	test('refuses a hook without a URL', () =>
		assert.throws(() => loadConfig({ N8N_HOOK_SECRET: SECRET, LEANCLOUD_APP_HOOK_KEY: 'k', N8N_HOOK_EVENTS: '_messageSent' }), /No n8n URL for _messageSent/));
	test('the secret rule is the n8n credential\'s (nodes/LeanCloudImHookTrigger/verify.ts states the same)', () => {
		assert.deepEqual(
			['', ' '.repeat(20), 'short', 'aaaaaaaaaaaaaaaaaaaa', 'abcdefgabcdefgabcdefg', 'abcdefghabcdefgh', SECRET].map((value) => secretProblem('Secret', value) ?? 'ok'),
			[
				'Secret is empty',
				'Secret is empty',
				'Secret must be at least 16 characters',
				'Secret must have at least 8 different characters (it is easy to guess)',
				'Secret must have at least 8 different characters (it is easy to guess)',
				'ok',
				'ok',
			],
		);
	});
});

describe('a blocking hook', () => {
	test('posts the params signed over timestamp, request ID, hook and body, and returns the Hook Reply', async () => {
		received.length = 0;
		answer = json({ hookReply: { drop: true, code: 7, detail: 'Banned word' }, decision: 'drop' });
		const forwarder = createForwarder(configWith(), { now: () => 1_780_000_000_000 });
		const params = { fromPeer: 'spammer-9', convId: 'c1', content: 'cheap pills', toPeers: ['a'] };
		assert.deepEqual(await forwarder.handle('_messageReceived', params), { drop: true, code: 7, detail: 'Banned word' });
		assert.equal(received.length, 1);
		const [call] = received;
		assert.equal(call.url, '/webhook/moderate');
		assert.equal(call.body, JSON.stringify(params));
		assert.equal(call.headers['x-lc-im-hook'], '_messageReceived');
		assert.equal(call.headers['x-lc-im-timestamp'], '1780000000000');
		assert.match(String(call.headers['x-lc-im-request-id']), /^[0-9a-f]{24}$/);
		const expected = createHmac('sha256', SECRET).update(`1780000000000.${call.headers['x-lc-im-request-id']}._messageReceived.${call.body}`).digest('hex');
		assert.equal(call.headers['x-lc-im-signature'], `v1=${expected}`);
		assert.equal(call.headers['x-lc-im-on-failure'], 'deliver');
	});
	test('passes back only the fields the hook may return, refusing wrong types', async () => {
		const logged = /** @type {string[]} */ ([]);
		answer = json({ hookReply: { content: 'c***p', toPeers: ['a', 7], drop: 'yes', reject: true, extra: 1 } });
		const forwarder = createForwarder(configWith(), { log: (line) => logged.push(line) });
		assert.deepEqual(await forwarder.handle('_messageReceived', {}), { content: 'c***p' });
		assert.deepEqual(logged, ['n8n-forwarder: _messageReceived: refused fields of the wrong type: drop, toPeers']);
	});
	test('a custom push given as an object is sent as the JSON string LeanCloud expects', () => {
		assert.deepEqual(replyFor('_receiversOffline', { hookReply: { pushMessage: { alert: 'New message' }, skip: false } }).reply, {
			skip: false,
			pushMessage: '{"alert":"New message"}',
		});
	});
	test('n8n\'s "all entries" answer: the first entry decides', () => {
		assert.deepEqual(replyFor('_conversationAdd', [{ hookReply: { reject: true, code: 1, detail: 'No' } }, { hookReply: {} }]).reply, { reject: true, code: 1, detail: 'No' });
	});

	const failures = /** @type {Array<[string, (req: http.IncomingMessage, res: http.ServerResponse) => void, RegExp]>} */ ([
		['an error status', (_req, res) => ((res.statusCode = 500), res.end('{"message":"Error in workflow"}')), /n8n answered HTTP 500 after \d+ ms; delivering unchanged \(fail-open\)/],
		['a redirect (not followed)', (_req, res) => (res.writeHead(302, { location: `${base}/elsewhere` }), res.end()), /HTTP 302/],
		['no answer within the budget', () => undefined, /no answer within 100 ms/],
		['an answer too large', (_req, res) => res.end(`{"content":"${'x'.repeat(MAX_REPLY_BYTES)}"}`), /more than 65536 bytes/],
		['not JSON', (_req, res) => res.end('<html>'), /not JSON/],
		['no decision', json({ message: 'Workflow was started' }), /the workflow gave no decision; delivering unchanged/],
	]);
	for (const [name, reply, logLine] of failures) {
		test(`fail-open on ${name}: {} (deliver as sent)`, async () => {
			received.length = 0;
			answer = reply;
			const logged = /** @type {string[]} */ ([]);
			const forwarder = createForwarder(configWith({ N8N_HOOK_BUDGET_MS: '100' }), { log: (line) => logged.push(line) });
			assert.deepEqual(await forwarder.handle('_messageReceived', { content: 'hi' }), {});
			assert.equal(received.filter((call) => call.url === '/elsewhere').length, 0);
			assert.equal(logged.length, 1);
			assert.match(logged[0], logLine);
			assert.doesNotMatch(logged[0], new RegExp(SECRET));
		});
	}
	test('fail-closed: a message is dropped and a change refused, with a reason', async () => {
		answer = (_req, res) => ((res.statusCode = 503), res.end());
		const forwarder = createForwarder(configWith({ N8N_HOOK_ON_FAILURE: 'refuse', N8N_HOOK_EVENTS: '_messageReceived,_conversationAdd,_receiversOffline' }), { log: () => undefined });
		const unavailable = { code: 503, detail: 'Moderation is unavailable; please try again later.' };
		assert.deepEqual(await forwarder.handle('_messageReceived', {}), { drop: true, ...unavailable });
		assert.deepEqual(await forwarder.handle('_conversationAdd', {}), { reject: true, ...unavailable });
		assert.deepEqual(await forwarder.handle('_receiversOffline', {}), {});
	});
});

describe('a sender cannot choose fail-open', () => {
	/** An object nested `depth` levels deep, built without recursion. */
	const nested = (/** @type {number} */ depth) => {
		/** @type {Record<string, unknown>} */
		let value = { leaf: true };
		for (let level = 1; level < depth; level++) value = { a: value };
		return value;
	};
	test('a call nested past what n8n can hold is refused (dropped with a code), fail-open or not, and never posted', async () => {
		received.length = 0;
		answer = json({ hookReply: {} });
		const logged = /** @type {string[]} */ ([]);
		const forwarder = createForwarder(configWith({ N8N_HOOK_EVENTS: '_messageReceived,_conversationStart,_conversationUpdate' }), { log: (line) => logged.push(line) });
		const deep = nested(20_000);
		assert.deepEqual(await forwarder.handle('_messageReceived', { fromPeer: 'mallory', content: 'hi', attr: deep }), { drop: true, ...UNREPRESENTABLE });
		assert.deepEqual(await forwarder.handle('_conversationStart', { initBy: 'mallory', members: ['a'], attr: deep }), { reject: true, ...UNREPRESENTABLE });
		assert.deepEqual(await forwarder.handle('_conversationUpdate', { initBy: 'mallory', attr: nested(MAX_DEPTH + 1) }), { reject: true, ...UNREPRESENTABLE });
		assert.equal(received.length, 0);
		assert.match(logged[0], /cannot be handed to n8n intact.*refused whatever N8N_HOOK_ON_FAILURE says/);
	});
	test('the nastiest payloads within what n8n can hold reach it byte for byte, and the decision comes back', async () => {
		received.length = 0;
		answer = json({ decision: 'drop', hookReply: { drop: true, code: 9, detail: 'seen' } });
		const forwarder = createForwarder(configWith({ N8N_HOOK_EVENTS: '_messageReceived,_conversationUpdate' }));
		const payloads = [
			{ fromPeer: 'mallory', content: 'x'.repeat(5 * 1024), toPeers: ['a'] },
			{ fromPeer: 'mallory', content: 'lone \ud800 surrogate \udfff and 𝄞 and \u0000' },
			JSON.parse('{"fromPeer":"mallory","content":"{\\"_lctype\\":-1,\\"_lctext\\":\\"hi\\",\\"_lcattrs\\":{\\"n\\":9007199254740993}}","__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}'),
		];
		for (const params of payloads) assert.deepEqual(await forwarder.handle('_messageReceived', params), { drop: true, code: 9, detail: 'seen' });
		assert.deepEqual(await forwarder.handle('_conversationUpdate', { initBy: 'mallory', attr: nested(MAX_DEPTH - 1) }), { code: 9, detail: 'seen' });
		assert.deepEqual(
			received.map((call) => call.body),
			[...payloads.map((params) => JSON.stringify(params)), JSON.stringify({ initBy: 'mallory', attr: nested(MAX_DEPTH - 1) })],
		);
		assert.match(received[2].body, /9007199254740993/);
		assert.match(received[2].body, /"__proto__":\{"admin":true\}/);
		assert.equal(/** @type {Record<string, unknown>} */ ({}).admin, undefined);
	});
});

describe('a decision is only a decision', () => {
	/** The trigger's own item, as n8n answers when a workflow ends without a Hook Reply (trigger → NoOp). */
	const triggerItem = (/** @type {Record<string, unknown>} */ params) => ({ ...params, text: 'hi', contentType: 'text', hookCall: { event: 'messageReceived', hook: '_messageReceived', requestId: 'a1', waitsForDecision: true } });
	for (const onFailure of /** @type {const} */ (['deliver', 'refuse'])) {
		test(`the trigger's item echoed back is no decision (N8N_HOOK_ON_FAILURE=${onFailure})`, async () => {
			const forwarder = createForwarder(configWith({ N8N_HOOK_ON_FAILURE: onFailure, N8N_HOOK_EVENTS: '_messageReceived,_conversationUpdate,_receiversOffline' }), { log: () => undefined });
			const unavailable = { code: 503, detail: 'Moderation is unavailable; please try again later.' };
			answer = json(triggerItem({ fromPeer: 'mallory', content: 'spam', bin: false, toPeers: ['a', 'b'] }));
			assert.deepEqual(await forwarder.handle('_messageReceived', { fromPeer: 'mallory', content: 'spam', bin: false, toPeers: ['a', 'b'] }), onFailure === 'deliver' ? {} : { drop: true, ...unavailable });
			answer = json(triggerItem({ initBy: 'mallory', attr: { name: 'renamed' } }));
			assert.deepEqual(await forwarder.handle('_conversationUpdate', { initBy: 'mallory', attr: { name: 'renamed' } }), onFailure === 'deliver' ? {} : { reject: true, ...unavailable });
			answer = json(triggerItem({ offlinePeers: ['a'] }));
			assert.deepEqual(await forwarder.handle('_receiversOffline', { offlinePeers: ['a'] }), {});
			// A Hook Reply that still carries the trigger's call (a Set node that kept the input) is not one either.
			answer = json({ ...triggerItem({ content: 'spam' }), hookReply: { content: 'rewritten' } });
			assert.deepEqual(await forwarder.handle('_messageReceived', { content: 'spam' }), onFailure === 'deliver' ? {} : { drop: true, ...unavailable });
			// LeanCloud's fields alone, unmarked, are not a decision; wrapped in hookReply they are.
			answer = json({ drop: true, code: 1 });
			assert.deepEqual(await forwarder.handle('_messageReceived', { content: 'spam' }), onFailure === 'deliver' ? {} : { drop: true, ...unavailable });
			answer = json({ hookReply: { drop: true, code: 1 } });
			assert.deepEqual(await forwarder.handle('_messageReceived', { content: 'spam' }), { drop: true, code: 1 });
		});
	}
});

describe('a notification hook', () => {
	test('returns {} at once (a plain value, not a promise) and posts in the background', async () => {
		received.length = 0;
		/** @type {() => void} */
		let release = () => undefined;
		const held = new Promise((resolve) => (release = () => resolve(undefined)));
		answer = (_req, res) => void held.then(() => res.end('{}'));
		const forwarder = createForwarder(configWith({ N8N_HOOK_EVENTS: '_messageSent' }));
		const result = forwarder.handle('_messageSent', { msgId: 'm1' });
		assert.deepEqual(result, {});
		assert.equal(result instanceof Promise, false);
		while (received.length === 0) await new Promise((resolve) => setImmediate(resolve));
		assert.equal(received[0].headers['x-lc-im-hook'], '_messageSent');
		release();
	});
	test('a hook not configured is answered {} without a call', async () => {
		received.length = 0;
		assert.deepEqual(createForwarder(configWith()).handle('_clientOnline', {}), {});
		assert.equal(received.length, 0);
	});
});

test('sign() is the documented HMAC', () => {
	const expected = createHmac('sha256', 's').update('1.r.h.b').digest('hex');
	assert.equal(sign('s', { timestamp: '1', requestId: 'r', hook: 'h', body: 'b' }), `v1=${expected}`);
});
