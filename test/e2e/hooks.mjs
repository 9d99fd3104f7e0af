// IM hooks in the real n8n app, wired as in production (scripts/hook-stack.mjs): SDK clients send through the sandbox
// (standing for LeanCloud's IM server), which calls the LeanEngine forwarder (leanengine/, the official SDK, run
// here), which calls the active "moderate before delivery" example's webhook; n8n's answer goes back the same way.
import { stopProcess } from '../../scripts/n8n-instance.mjs';
import { CALLBACK_WORKFLOW, MODERATION_PATH, MODERATION_WORKFLOW, clientSend, hookStack, postSignedHook } from '../../scripts/hook-stack.mjs';
import { expect } from './check.mjs';

/** test/e2e/no-decision.workflow.json: the Hook Trigger and a No Operation node, no Hook Reply. */
const NO_DECISION_WORKFLOW = 'lcimE2eNoDecide';
const NO_DECISION_PATH = '/webhook/6a0d1c0d-e0f1-4b1d-9a00-0000000000e2/leancloud-im';

/** @type {(ms: number) => Promise<void>} */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The i-th of the e2e's messages: every fifth spam, every seventh (not spam) with a phone number. */
/** @param {number} index */
function testMessage(index) {
	if (index % 5 === 0) return { text: `message ${index}: cheap pills at spam.example`, kind: 'banned' };
	if (index % 7 === 0) return { text: `message ${index}: call me on 1380013${String(index).padStart(4, '0')}`, kind: 'masked' };
	return { text: `message ${index}: hello`, kind: 'plain' };
}

/**
 * @param {{ runtime: import('../../scripts/n8n-runtime.mjs').N8nRuntime, userFolder: string, sandbox: import('../../sandbox/server.cjs').Sandbox }} options
 */
export async function checkHooks({ runtime, userFolder, sandbox }) {
	const room = sandbox.store.createConversation({ name: 'E2E hooks', m: ['alice', 'bob'] }).objectId;
	const service = sandbox.store.createConversation({ name: 'E2E support bot', sys: true, m: [] }).objectId;
	const stack = await hookStack({ runtime, userFolder, sandbox, n8nPort: 5698, forwarderPort: 5695, alsoPublish: [NO_DECISION_WORKFLOW] });
	const stored = () => (sandbox.store.messages.get(room) ?? []).map((record) => record.data);
	try {
		// 1. 100 client sends through sandbox → forwarder → n8n, one at a time as one client sends.
		const before = await stack.executions(MODERATION_WORKFLOW);
		/** @type {string[]} */
		const expected = [];
		for (let index = 1; index <= 100; index++) {
			const { text, kind } = testMessage(index);
			const sent = await clientSend(sandbox, index % 2 ? 'alice' : 'bob', room, text);
			if (kind === 'banned') {
				expect(sent, `banned message ${index}`).toMatchObject({ status: 403, body: { code: 4402, error: 'MESSAGE_REJECTED_BY_APP: Links to shops are not allowed in support conversations (app code 1001)' } });
				continue;
			}
			expect(sent.status, `message ${index}: ${JSON.stringify(sent.body)}`).toBe(200);
			expected.push(kind === 'masked' ? text.replace(/\d{7,}/, '[phone number hidden]') : text);
		}
		expect(stored(), 'every banned message absent, every masked one masked, every other unchanged').toEqual(expected);
		expect(expected.length).toBe(80);
		expect((await stack.executions(MODERATION_WORKFLOW)) - before, 'one execution per hook call').toBe(100);
		const calls = sandbox.hooks.calls.filter((call) => call.hook === '_messageReceived').slice(-100);
		expect(calls.every((call) => call.outcome.ok), 'every hook call answered').toBe(true);

		// 1b. What a hostile client can make the IM server deliver, through the real forwarder (the official SDK, called
		// as the IM server calls it) and n8n: each decided by the workflow; one nested past what n8n can hold refused.
		const nested = (/** @type {number} */ depth) => {
			/** @type {Record<string, unknown>} */
			let value = { leaf: true };
			for (let level = 1; level < depth; level++) value = { a: value };
			return value;
		};
		const hostile = /** @type {Array<[string, Record<string, unknown>, Record<string, unknown>]>} */ ([
			['5 KB ending in a banned word', { content: `${'x'.repeat(5 * 1024 - 30)} cheap pills` }, { drop: true, code: 1001 }],
			['lone surrogates and a phone number', { content: 'hi \ud800 there \udfff call 13800138000' }, { content: 'hi \ud800 there \udfff call [phone number hidden]' }],
			['a __proto__ key and 900 levels of attr', JSON.parse('{"__proto__":{"polluted":true},"content":"hello","attr":' + JSON.stringify(nested(900)) + '}'), {}],
		]);
		for (const [name, params, decision] of hostile) {
			const outcome = await sandbox.hooks.call('_messageReceived', { fromPeer: 'mallory', convId: room, toPeers: ['alice'], bin: false, ...params });
			expect(outcome, `${name}: answered`).toMatchObject({ ok: true });
			expect(outcome?.ok ? outcome.reply : undefined, `${name}: the workflow's decision`).toMatchObject(decision);
		}
		// Nested past what any JSON.stringify can write back (the sandbox could not send it): posted as raw JSON to the
		// forwarder's hook function, as LeanEngine receives it. The forwarder refuses the message, fail-open or not.
		const depth = 20_000;
		const deepBody = `{"fromPeer":"mallory","convId":"${room}","toPeers":["alice"],"content":"hello","attr":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
		const deepCall = await fetch(`${stack.forwarder.url}/1.1/functions/_messageReceived`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-LC-Id': sandbox.appId, 'X-LC-Key': sandbox.appKey, 'X-LC-Hook-Key': stack.hookKey },
			body: deepBody,
		});
		const deepAnswer = await deepCall.text();
		expect(deepCall.status, `attr ${depth} levels deep: ${deepAnswer.slice(0, 300)}`).toBe(200);
		expect(JSON.parse(deepAnswer), 'refused with 422, not failed open').toEqual({ result: { drop: true, code: 422, detail: 'This message cannot be checked by moderation, so it was not delivered.' } });

		// 2. Forged, unsigned, tampered and replayed calls: 401, no execution.
		const url = `${stack.n8n.url}${MODERATION_PATH}`;
		const body = JSON.stringify({ fromPeer: 'mallory', convId: room, toPeers: ['alice'], content: 'hi', bin: false });
		/** @param {{ timestamp?: number, secret?: string, requestId?: string, payload?: string }} [options] */
		const post = ({ payload = body, ...options } = {}) => postSignedHook(url, payload, { ...options, signedBody: body });
		const beforeForged = await stack.executions(MODERATION_WORKFLOW);
		const unsigned = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
		expect(unsigned.status, 'unsigned').toBe(401);
		expect((await post({ secret: 'not-the-shared-secret-at-all' })).status, 'forged').toBe(401);
		expect((await post({ payload: body.replace('hi', 'ho') })).status, 'tampered').toBe(401);
		expect((await post({ timestamp: Date.now() - 6 * 60_000 })).status, 'replayed after 6 minutes').toBe(401);
		const requestId = 'e2e0000000000000000000aa';
		const signedAt = Date.now();
		const genuine = await post({ requestId, timestamp: signedAt });
		expect(genuine.status, `a genuine call: ${genuine.body}`).toBe(200);
		expect(JSON.parse(genuine.body), 'its decision').toMatchObject({ decision: 'deliver', hookReply: {} });
		expect((await post({ requestId, timestamp: signedAt })).status, 'the same call again (replay)').toBe(401);
		expect((await stack.executions(MODERATION_WORKFLOW)) - beforeForged, 'only the genuine call ran').toBe(1);

		// 2b. A real restart empties n8n's memory of calls: the captured call is refused all the same (signed before
		// this process started), while a fresh one runs.
		await stack.restartN8n();
		const beforeRestartReplay = await stack.executions(MODERATION_WORKFLOW);
		const replayed = await postSignedHook(`${stack.n8n.url}${MODERATION_PATH}`, body, { requestId, timestamp: signedAt });
		expect(replayed.status, `the captured call after a restart: ${replayed.body}`).toBe(401);
		expect(replayed.body, 'why').toContain('signed before this n8n process could remember it');
		const fresh = await postSignedHook(`${stack.n8n.url}${MODERATION_PATH}`, body);
		expect(fresh.status, `a fresh call after the restart: ${fresh.body}`).toBe(200);
		expect((await stack.executions(MODERATION_WORKFLOW)) - beforeRestartReplay, 'only the fresh call ran after the restart').toBe(1);

		// 3. The service-conversation callback: the bot answers the customer privately.
		await clientSend(sandbox, 'customer-1', service, 'What are your opening hours?');
		let answer;
		for (let round = 0; round < 40 && !answer; round++) {
			answer = (sandbox.store.messages.get(service) ?? []).find((record) => record.from === 'support-bot');
			if (!answer) await sleep(250);
		}
		expect(answer?.data, 'the callback bot answered').toBe('We are open 9:00-18:00, Monday to Friday.');

		// 3b. A workflow that ends without a Hook Reply decides nothing: the trigger's own item (content, toPeers) is
		// answered back, and the forwarder must not take it as a decision. Fail-open delivers; fail-closed refuses.
		const beforeNoDecision = stored().length;
		for (const onFailure of /** @type {const} */ (['deliver', 'refuse'])) {
			await stack.restartForwarder(onFailure, NO_DECISION_PATH);
			const sent = await clientSend(sandbox, 'alice', room, `cheap pills, no decision, ${onFailure}`);
			if (onFailure === 'deliver') expect(sent.status, 'no decision, fail-open: delivered').toBe(200);
			else expect(sent, 'no decision, fail-closed: refused').toMatchObject({ status: 403, body: { code: 4402, error: 'MESSAGE_REJECTED_BY_APP: Moderation is unavailable; please try again later. (app code 503)' } });
			// Its log line is written before it answers, and read from its output a moment later.
			for (let round = 0; round < 40 && !stack.forwarder.lines.some((line) => /the workflow gave no decision/.test(line)); round++) await sleep(50);
			expect(stack.forwarder.lines.some((line) => /the workflow gave no decision/.test(line)), `the forwarder says no decision (${onFailure})`).toBe(true);
		}
		expect(stored().slice(beforeNoDecision), 'only the fail-open one stored').toEqual(['cheap pills, no decision, deliver']);
		await stack.restartForwarder('deliver');

		// 4. n8n stopped: fail-open delivers everything, fail-closed refuses everything.
		await stopProcess(stack.n8n.child);
		const beforeDown = stored().length;
		for (const text of ['cheap pills while n8n is down', 'hello while n8n is down']) expect((await clientSend(sandbox, 'alice', room, text)).status, `fail-open: ${text}`).toBe(200);
		expect(stored().slice(beforeDown), 'fail-open: delivered unchanged').toEqual(['cheap pills while n8n is down', 'hello while n8n is down']);
		expect(stack.forwarder.lines.some((line) => /_messageReceived: .*delivering unchanged \(fail-open\)/.test(line)), 'the forwarder says why').toBe(true);
		await stack.restartForwarder('refuse');
		for (const text of ['cheap pills, fail-closed', 'hello, fail-closed']) {
			expect(await clientSend(sandbox, 'alice', room, text), `fail-closed: ${text}`).toMatchObject({ status: 403, body: { code: 4402, error: 'MESSAGE_REJECTED_BY_APP: Moderation is unavailable; please try again later. (app code 503)' } });
		}
		expect(stored().length, 'fail-closed: nothing stored').toBe(beforeDown + 2);
	} finally {
		await stack.stop();
	}
}
