// The sandbox as LeanCloud's IM server towards a LeanEngine app: hooks called as documented (path, body,
// X-LC-Hook-Key, only the hooks the app defines), their answers applied, fail-open or fail-closed, and the
// service-conversation message callback. A stand-in LeanEngine app answers here; the real forwarder is run end to end.
import nock from 'nock';

import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { startStandIns, type EngineCall, type StandIns } from '../harness/standInEngine.cjs';

const HOOK_KEY = 'hook-key-for-tests';

let standIns: StandIns;
let engineUrl = '';
let callbackUrl = '';
let engineCalls: EngineCall[];
let callbackBodies: unknown[];
let sandbox: Sandbox;

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	standIns = await startStandIns();
	({ engineUrl, callbackUrl } = standIns);
	({ engineCalls, callbackBodies } = standIns.state);
	sandbox = await startSandbox({ hooks: { engineUrl, hookKey: HOOK_KEY, serviceCallbackUrl: `${callbackUrl}/svc?token=t` } });
});

afterAll(async () => {
	await sandbox.close();
	await standIns.close();
});

beforeEach(() => {
	engineCalls.length = 0;
	callbackBodies.length = 0;
	standIns.state.callbackStatus = 200;
	standIns.state.defined = ['_messageReceived', '_messageSent', '_conversationStart', '_conversationStarted', '_conversationAdd', '_conversationRemove', '_conversationUpdate', '_messageUpdate', '_clientOnline'];
	standIns.state.answer = () => ({ result: {} });
	sandbox.hooks.configure({ engineUrl, hookKey: HOOK_KEY, serviceCallbackUrl: `${callbackUrl}/svc?token=t` });
});

async function client(method: string, path: string, body?: unknown) {
	const response = await fetch(`${sandbox.url}/sandbox/clients/${path}`, {
		method,
		headers: { 'X-LC-Id': sandbox.appId, 'X-LC-Key': sandbox.appKey, 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> & { code?: number; members?: string[]; objectId?: string } };
}

const room = () => sandbox.store.createConversation({ name: 'hooks', m: ['alice', 'bob', 'carol'] }).objectId;
const stored = (id: string) => (sandbox.store.messages.get(id) ?? []).map((record) => record.data);

describe('_messageReceived', () => {
	test('called as LeanCloud documents it; {} delivers as sent', async () => {
		const id = room();
		const sent = await client('POST', 'alice/messages', { conversationId: id, message: 'hello' });
		expect(sent.status).toBe(200);
		expect(stored(id)).toEqual(['hello']);
		const call = engineCalls.find((entry) => entry.path === '/1.1/functions/_messageReceived') as EngineCall;
		expect(call.headers['x-lc-hook-key']).toBe(HOOK_KEY);
		expect(call.headers['x-lc-id']).toBe(sandbox.appId);
		expect(call.headers['x-lc-key']).toBe(sandbox.appKey);
		expect(call.body).toEqual({
			fromPeer: 'alice',
			convId: id,
			toPeers: ['bob', 'carol'],
			transient: false,
			bin: false,
			content: 'hello',
			receipt: false,
			timestamp: expect.any(Number),
			system: false,
			sourceIP: '127.0.0.1',
			groupId: null,
		});
		await sandbox.hooks.settle();
		const sentHook = engineCalls.find((entry) => entry.path === '/1.1/functions/_messageSent') as EngineCall;
		expect(sentHook.body).toMatchObject({ fromPeer: 'alice', convId: id, msgId: sent.body['msg-id'], offlinePeers: ['bob', 'carol'], onlinePeers: [] });
	});

	test('drop: not stored, and the sender gets 4402 with the reason', async () => {
		const id = room();
		standIns.state.answer = () => ({ result: { drop: true, code: 7, detail: 'Banned word' } });
		const sent = await client('POST', 'alice/messages', { conversationId: id, message: 'cheap pills' });
		expect(sent).toEqual({ status: 403, body: { code: 4402, error: 'MESSAGE_REJECTED_BY_APP: Banned word (app code 7)' } });
		expect(stored(id)).toEqual([]);
	});

	test('rewrite and recipients: stored rewritten, delivered to the members named', async () => {
		const id = room();
		standIns.state.answer = () => ({ result: { content: 'call ***', toPeers: ['bob', 'mallory'] } });
		const sent = await client('POST', 'alice/messages', { conversationId: id, message: 'call 13800138000' });
		expect(sent.body).toMatchObject({ content: 'call ***', toClients: ['bob'], modified: {} });
		expect(stored(id)).toEqual(['call ***']);
	});

	test.each([
		['a timeout', { result: { drop: true }, delayMs: 1000 }, { timeoutMs: 100 }],
		['HTTP 500', { status: 500 }, {}],
	])('fail-open on %s: delivered as sent; fail-closed: refused', async (_name, reply, options) => {
		const id = room();
		standIns.state.answer = () => reply;
		sandbox.hooks.configure({ engineUrl, hookKey: HOOK_KEY, ...options });
		expect((await client('POST', 'alice/messages', { conversationId: id, message: 'one' })).status).toBe(200);
		sandbox.hooks.configure({ engineUrl, hookKey: HOOK_KEY, failClosed: true, ...options });
		const refused = await client('POST', 'alice/messages', { conversationId: id, message: 'two' });
		expect(refused.status).toBe(403);
		expect(refused.body.code).toBe(4402);
		expect(stored(id)).toEqual(['one']);
	});

	test('a hook the app does not define is not called; messages sent through the REST API call no hook', async () => {
		const id = room();
		standIns.state.defined = ['_conversationStart'];
		sandbox.hooks.configure({ engineUrl, hookKey: HOOK_KEY });
		expect((await client('POST', 'alice/messages', { conversationId: id, message: 'x' })).status).toBe(200);
		standIns.state.defined = ['_messageReceived'];
		sandbox.hooks.configure({ engineUrl, hookKey: HOOK_KEY });
		const rest = await fetch(`${sandbox.url}/1.2/rtm/conversations/${id}/messages`, {
			method: 'POST',
			headers: { 'X-LC-Id': sandbox.appId, 'X-LC-Key': `${sandbox.masterKey},master`, 'Content-Type': 'application/json' },
			body: JSON.stringify({ from_client: 'alice', message: 'via REST' }),
		});
		expect(rest.status).toBe(200);
		await sandbox.hooks.settle();
		expect(engineCalls).toEqual([]);
		expect(stored(id)).toEqual(['x', 'via REST']);
	});
});

test('_messageUpdate: an edit rewritten, a recall refused with 4405', async () => {
	const id = room();
	const sent = await client('POST', 'alice/messages', { conversationId: id, message: 'first' });
	standIns.state.answer = (hook, params) => ({ result: hook === '_messageUpdate' ? (params.recall ? { drop: true, detail: 'Keep it' } : { content: String(params.content).toUpperCase() }) : {} });
	expect((await client('PUT', `alice/messages/${sent.body['msg-id']}`, { conversationId: id, message: 'edited' })).body).toMatchObject({ content: 'EDITED' });
	const recall = await client('PUT', `alice/messages/${sent.body['msg-id']}`, { conversationId: id, recall: true });
	expect(recall).toEqual({ status: 403, body: { code: 4405, error: 'UPDATE_REJECTED_BY_APP: Keep it' } });
	expect(stored(id)).toEqual(['EDITED']);
});

describe('conversation changes', () => {
	test('refused with 4305 and the reason; nothing changes', async () => {
		standIns.state.answer = () => ({ result: { reject: true, code: 3, detail: 'No spammers' } });
		const before = sandbox.store.conversations.size;
		expect(await client('POST', 'alice/conversations', { name: 'new', members: ['spammer-9'] })).toEqual({ status: 403, body: { code: 4305, error: 'CONVERSATION_OPERATION_REJECTED_BY_APP: No spammers (app code 3)' } });
		expect(sandbox.store.conversations.size).toBe(before);
		const id = room();
		expect((await client('POST', `alice/conversations/${id}/members`, { members: ['spammer-9'] })).body.code).toBe(4305);
		expect((await client('DELETE', `alice/conversations/${id}/members`, { members: ['bob'] })).body.code).toBe(4305);
		expect((await client('PUT', `alice/conversations/${id}`, { attr: { name: 'spam' } })).body.code).toBe(4305);
		expect(sandbox.store.conversations.get(id)).toMatchObject({ name: 'hooks', m: ['alice', 'bob', 'carol'] });
		expect(engineCalls.map((call) => [call.path, call.body])).toEqual([
			['/1.1/functions/_conversationStart', { initBy: 'alice', members: ['alice', 'spammer-9'], attr: { name: 'new' } }],
			['/1.1/functions/_conversationAdd', { initBy: 'alice', members: ['spammer-9'], convId: id }],
			['/1.1/functions/_conversationRemove', { initBy: 'alice', members: ['bob'], convId: id }],
			['/1.1/functions/_conversationUpdate', { initBy: 'alice', convId: id, attr: { name: 'spam' } }],
		]);
	});

	test('allowed: made, and the "after" notifications follow', async () => {
		const created = await client('POST', 'alice/conversations', { name: 'fine', members: ['bob'] });
		expect(created.status).toBe(200);
		const id = created.body.objectId;
		expect((await client('POST', `alice/conversations/${id}/members`, { members: ['carol'] })).body.members).toEqual(['alice', 'bob', 'carol']);
		await sandbox.hooks.settle();
		expect(engineCalls.map((call) => call.path)).toEqual(['/1.1/functions/_conversationStart', '/1.1/functions/_conversationStarted', '/1.1/functions/_conversationAdd']);
	});
});

test('the service-conversation callback: a batch of the messages users send, retried up to 3 times', async () => {
	const service = sandbox.store.createConversation({ name: 'Support bot', sys: true, m: [] }).objectId;
	standIns.state.callbackStatus = 500;
	await client('POST', 'customer-1/messages', { conversationId: service, message: 'hi bot' });
	await client('POST', 'customer-2/messages', { conversationId: service, message: 'me too' });
	await sandbox.hooks.settle();
	// Batched as they come (one batch, or two if the sends were 100 ms apart); each batch tried 1 + 3 times.
	const batches = sandbox.hooks.callbacks.slice(-callbackBodies.length / 4);
	expect(batches.every((batch) => batch.attempts === 4 && !batch.delivered)).toBe(true);
	const messages = batches.flatMap((batch) => batch.messages);
	expect(messages).toEqual([
		expect.objectContaining({ conv: { __type: 'Pointer', className: '_Conversation', objectId: service }, from: 'customer-1', data: 'hi bot', bin: false, fromIp: '127.0.0.1', msgId: expect.any(String), createdAt: { __type: 'Date', iso: expect.any(String) } }),
		expect.objectContaining({ from: 'customer-2', data: 'me too' }),
	]);
	expect(callbackBodies).toHaveLength(batches.length * 4);
	const asText = (bodies: unknown[]) => bodies.map((body) => JSON.stringify(body)).sort();
	expect(asText(callbackBodies)).toEqual(asText(batches.flatMap((batch) => Array(4).fill(batch.messages))));
});
