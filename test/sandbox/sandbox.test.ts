import nock from 'nock';

import { findRoute } from '../../sandbox/routes.cjs';
import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { readmeRows } from '../catalogue/readme.cjs';
import { sandboxClient } from './client';

let sandbox: Sandbox;
let call: ReturnType<typeof sandboxClient>;
/** The sandbox's clock runs this far ahead of the wall clock: tests move time instead of sleeping through it. */
let ahead = 0;

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox({ logRequests: true, now: () => Date.now() + ahead });
	call = sandboxClient(sandbox);
});
afterAll(async () => await sandbox.close());

async function conversation(members = ['alice', 'bob']): Promise<string> {
	const { body } = await call('POST', 'conversations', { body: { name: 'Test', m: members } });
	return (body as { objectId: string }).objectId;
}

describe('auth', () => {
	test('a wrong App ID, a wrong key or no key is 401 with the documented body', async () => {
		const attempts: Array<{ key?: 'none'; headers: Record<string, string> }> = [
			{ headers: { 'X-LC-Id': 'wrong' } },
			{ key: 'none', headers: { 'X-LC-Sign': 'bad,123' } },
			{ key: 'none', headers: { 'X-LC-Key': 'nope' } },
		];
		for (const attempt of attempts) {
			const reply = await call('GET', 'conversations', attempt);
			expect([reply.status, reply.body]).toEqual([401, { code: 401, error: 'Unauthorized.' }]);
		}
		expect((await call('GET', 'conversations', { key: 'none' })).status).toBe(401);
	});

	test('plain X-LC-Key works for both keys', async () => {
		expect((await call('GET', 'conversations', { key: 'none', headers: { 'X-LC-Key': `${sandbox.masterKey},master` } })).status).toBe(200);
		expect((await call('GET', 'clients/alice/unread-count', { key: 'none', headers: { 'X-LC-Key': sandbox.appKey } })).status).toBe(200);
	});

	test('the master key is demanded where the docs demand it; the app key suffices for unread counts', async () => {
		const id = await conversation();
		expect((await call('GET', 'conversations', { key: 'app' })).status).toBe(403);
		expect((await call('POST', `conversations/${id}/messages`, { key: 'app', body: { from_client: 'a', message: 'x' } })).status).toBe(401);
		expect(await call('GET', 'clients/alice/unread-count', { key: 'app' })).toMatchObject({ status: 200, body: { count: 0 } });
	});
});

describe('conversations, members and mutes', () => {
	test('unique create reuses the conversation with the same member set', async () => {
		const first = await call('POST', 'conversations', { body: { name: 'a', m: ['x', 'y'], unique: true } });
		const second = await call('POST', 'conversations', { body: { name: 'b', m: ['y', 'x'], unique: true } });
		expect((second.body as { objectId: string }).objectId).toBe((first.body as { objectId: string }).objectId);
	});

	test('where, skip and limit query conversations', async () => {
		await call('POST', 'conversations', { body: { name: 'Support: Zed', m: ['zed'] } });
		const reply = await call('GET', `conversations?where=${encodeURIComponent('{"m":"zed","name":{"$regex":"^support","$options":"i"}}')}`);
		expect((reply.body as { results: Array<{ name: string }> }).results.map((row) => row.name)).toEqual(['Support: Zed']);
	});

	test('members and push mutes change with the documented envelopes', async () => {
		const id = await conversation();
		expect((await call('POST', `conversations/${id}/members`, { body: { client_ids: ['carol'] } })).body).toMatchObject({ objectId: id });
		await call('DELETE', `conversations/${id}/members`, { body: { client_ids: ['alice'] } });
		expect((await call('GET', `conversations/${id}/members`)).body).toEqual({ result: ['bob', 'carol'] });
		await call('POST', `conversations/${id}/mutes`, { body: { client_ids: ['bob'] } });
		expect((await call('GET', `conversations/${id}/mutes`)).body).toEqual({ result: ['bob'] });
	});

	test('a temporarily silenced member cannot send until the TTL passes; TTL is 1 to 86,400 seconds', async () => {
		const id = await conversation();
		expect((await call('POST', `conversations/${id}/temporary-silenceds`, { body: { client_id: 'alice', ttl: 86401 } })).status).toBe(400);
		expect((await call('POST', `conversations/${id}/temporary-silenceds`, { body: { client_id: 'alice', ttl: 1 } })).body).toEqual({});
		const blocked = await call('POST', `conversations/${id}/messages`, { body: { from_client: 'alice', message: 'hi' } });
		expect([blocked.status, blocked.body]).toEqual([403, { code: 4315, error: 'CONVERSATION_TEMPORARY_BLACKLISTED' }]);
		ahead += 1000;
		expect((await call('POST', `conversations/${id}/messages`, { body: { from_client: 'alice', message: 'hi' } })).status).toBe(200);
	});

	test('permanent silences list with the next cursor', async () => {
		const id = await conversation();
		await call('POST', `conversations/${id}/permanent-silenceds`, { body: { client_ids: ['a', 'b', 'c'] } });
		expect((await call('GET', `conversations/${id}/permanent-silenceds?limit=2`)).body).toEqual({ client_ids: ['a', 'b'], next: '2' });
		expect((await call('GET', `conversations/${id}/permanent-silenceds?limit=2&next=2`)).body).toEqual({ client_ids: ['c'] });
	});

	test('an encoded slash stays inside its path segment', async () => {
		const reply = await call('GET', 'conversations/..%2F..%2Fclasses%2F_User/members');
		expect([reply.status, reply.body]).toEqual([404, { code: 101, error: 'Object not found.' }]);
	});
});

describe('hostile bodies', () => {
	test('a body nested 20,000 deep is refused as malformed JSON, and the sandbox keeps answering', async () => {
		const id = await conversation();
		const deep = `{"from_client":"a","message":"x","push_data":${'['.repeat(20_000)}${']'.repeat(20_000)}}`;
		expect((await call('POST', `conversations/${id}/messages`, { body: deep })).body).toEqual({
			code: 107,
			error: 'Malformed json object. A json dictionary is expected.',
		});
		expect((await call('GET', `conversations/${id}/members`)).status).toBe(200);
	});

	test('a body over 1 MB is answered 413 without being kept', async () => {
		const id = await conversation();
		const huge = await call('POST', `conversations/${id}/messages`, { body: { from_client: 'a', message: 'x'.repeat(1024 * 1024) } });
		expect([huge.status, huge.body]).toEqual([413, { code: 413, error: 'Request entity too large.' }]);
		expect((await call('GET', `conversations/${id}/members`)).status).toBe(200);
	});
});

describe('messages', () => {
	test('send wraps the result, rejects over 5 KB and more than 20 mentions, and answers 4401 for unknown conversations', async () => {
		const id = await conversation();
		const sent = await call('POST', `conversations/${id}/messages`, { body: { from_client: 'alice', message: 'hi' } });
		expect(sent.body).toEqual({ result: { 'msg-id': expect.any(String), timestamp: expect.any(Number) } });
		expect((await call('POST', `conversations/${id}/messages`, { body: { from_client: 'a', message: 'x'.repeat(5121) } })).body).toEqual({
			code: 4109,
			error: 'FRAME_TOO_LONG',
		});
		const mentions = Array.from({ length: 21 }, (_, index) => `u${index}`);
		expect((await call('POST', `conversations/${id}/messages`, { body: { from_client: 'a', message: 'x', mention_client_ids: mentions } })).status).toBe(400);
		expect((await call('POST', 'conversations/nope/messages', { body: { from_client: 'a', message: 'x' } })).body).toEqual({
			code: 4401,
			error: 'INVALID_MESSAGING_TARGET',
		});
	});

	test('history follows the documented example (t1 < t2 < t3)', async () => {
		const id = await conversation();
		const records = [];
		for (const text of ['one', 'two', 'three']) records.push(sandbox.store.addMessage(id, 'alice', text));
		const [r1, , r3] = records;
		const history = async (query: string) =>
			((await call('GET', `conversations/${id}/messages?${query}`)).body as Array<{ data: string }>).map((record) => record.data);
		const window = `timestamp=${r3.timestamp}&msgid=${r3['msg-id']}&till_timestamp=${r1.timestamp}&till_msgid=${r1['msg-id']}`;
		expect(await history(window)).toEqual(['two']);
		expect(await history(`${window}&include_start=true`)).toEqual(['three', 'two']);
		expect(await history(`${window}&include_stop=true`)).toEqual(['two', 'one']);
		const reversed = `reversed=true&timestamp=${r1.timestamp}&msgid=${r1['msg-id']}&till_timestamp=${r3.timestamp}&till_msgid=${r3['msg-id']}`;
		expect(await history(reversed)).toEqual(['two']);
		expect(await history(`${reversed}&include_start=true`)).toEqual(['one', 'two']);
		expect(await history('limit=2')).toEqual(['three', 'two']);
		expect(await history('reversed=true&limit=2')).toEqual(['one', 'two']);
		expect((await call('GET', `conversations/${id}/messages?limit=1001`)).status).toBe(400);
	});

	test('update, recall and delete need the original sender and timestamp', async () => {
		const id = await conversation();
		const { 'msg-id': msgId, timestamp } = sandbox.store.addMessage(id, 'alice', 'original');
		expect((await call('PUT', `conversations/${id}/messages/${msgId}`, { body: { from_client: 'bob', message: 'x', timestamp } })).body).toEqual({
			code: 4403,
			error: 'MESSAGE_OWNERSHIP_REQUIRED',
		});
		expect((await call('PUT', `conversations/${id}/messages/${msgId}`, { body: { from_client: 'alice', message: 'x', timestamp: timestamp + 1 } })).status).toBe(404);
		expect((await call('PUT', `conversations/${id}/messages/${msgId}`, { body: { from_client: 'alice', message: 'edited', timestamp } })).status).toBe(200);
		expect(sandbox.store.messages.get(id)?.[0].data).toBe('edited');
		await call('PUT', `conversations/${id}/messages/${msgId}/recall`, { body: { from_client: 'alice', timestamp } });
		expect(sandbox.store.messages.get(id)?.[0]).toMatchObject({ data: '{"_lctype":-127}', recall: true });
		expect((await call('DELETE', `conversations/${id}/messages/${msgId}?from_client=alice&timestamp=${timestamp}`)).body).toEqual({});
		expect(sandbox.store.messages.get(id)).toEqual([]);
	});

	test('the normal-message bucket answers 429 once exceeded, for one window, then recovers', async () => {
		// The limiter's windows are aligned to its clock: the test holds the clock at a window's start, so the burst
		// cannot straddle a boundary however slowly the machine runs.
		let clock = 1_000_000;
		const limited = await startSandbox({ limits: { normal: { limit: 5, windowMs: 400 } }, retryAfterHeader: true, now: () => clock });
		try {
			const post = sandboxClient(limited);
			const { body } = await post('POST', 'conversations', { body: { name: 'Rate', m: ['a'] } });
			const id = (body as { objectId: string }).objectId;
			const replies = [];
			for (let index = 0; index < 7; index++) {
				replies.push(await post('POST', `conversations/${id}/messages`, { body: { from_client: 'a', message: `m${index}` } }));
			}
			expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200, 429, 429]);
			expect(replies[5].body).toEqual({ code: 429, error: 'Too many requests.' });
			expect(replies[5].headers.get('retry-after')).toBe('1');
			expect((await post('GET', `conversations/${id}/messages`)).status).toBe(200); // reads are not in the bucket
			clock += 399; // still blocked: the block lasts one window from the first refusal
			expect((await post('POST', `conversations/${id}/messages`, { body: { from_client: 'a', message: 'early' } })).status).toBe(429);
			clock += 1;
			expect((await post('POST', `conversations/${id}/messages`, { body: { from_client: 'a', message: 'after' } })).status).toBe(200);
			expect(limited.limiter.buckets.normal.rejected).toBe(3);
		} finally {
			await limited.close();
		}
	});
});

describe('the sandbox serves every documented endpoint', () => {
	test.each(readmeRows().map((row) => row.endpoint))('%s', (endpoint) => {
		const [method, template] = endpoint.split(' ');
		const segments = template.slice(1).split('/').map((part) => (part.startsWith('{') ? 'x' : part));
		const found = findRoute(method, segments);
		const route = found && 'route' in found ? found.route : undefined;
		expect(route).toBeDefined();
		// The two endpoints documented for the app key accept it; all others need the master key.
		expect(route?.key === 'app').toBe(['GET /clients/{client_id}/unread-count', 'GET /clients/sign'].includes(endpoint));
	});
});
