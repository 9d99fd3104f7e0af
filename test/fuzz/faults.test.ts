/**
 * Many items against a server that misbehaves: every item ends in its documented outcome (delivered once,
 * retried, or one clear error item), nothing is sent twice and nothing is lost.
 */
import type nock from 'nock';

import { api, byId, expectAllRequestsMade, oid, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { random } from './random';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

test('sends through 429 bursts are each delivered exactly once, in order per conversation', async () => {
	let refusals = 0;
	const rnd = random(7);
	const delivered: string[] = [];
	let burst = 0;
	api()
		.persist()
		.post(/\/1\.2\/rtm\/conversations\/[0-9a-f]{24}\/messages/)
		.reply(function (uri: string, requestBody: nock.Body) {
			// Bursts of 1 to 3 rejections at random moments; a 429 is never processed. Each is waited out (at least a
			// second, whatever Retry-After says), and the quota learned from it paces the rest: a few dozen items suffice.
			if (burst === 0 && rnd.next() < 0.15) burst = 1 + rnd.int(3);
			if (burst > 0) {
				burst--;
				refusals++;
				return [429, { code: 429, error: 'Too many requests.' }, { 'Retry-After': '0' }];
			}
			const body = requestBody as { message: string };
			delivered.push(`${uri.split('/')[4]}:${body.message}`);
			return [200, { result: { 'msg-id': body.message, timestamp: 1764064800000 + delivered.length } }];
		});
	const items = Array.from({ length: 24 }, (_, index) => ({ conv: oid(`c${index % 5}`), text: `m${index}` }));
	const { output, error } = await runNode({
		items,
		parameters: {
			resource: 'message',
			operation: 'send',
			conversationId: byId('={{ $json.conv }}'),
			fromClient: 'bot',
			text: '={{ $json.text }}',
			options: { concurrency: 8 },
		},
	});
	expect(error).toBeUndefined();
	expect(output.map((item) => item.json.messageId)).toEqual(items.map((item) => item.text));
	expect(new Set(delivered).size).toBe(24);
	expect(delivered).toHaveLength(24);
	// The seeded bursts did refuse some sends: the test is not vacuous.
	expect(refusals).toBeGreaterThan(2);
	for (let conversation = 0; conversation < 5; conversation++) {
		const id = oid(`c${conversation}`);
		const expected = items.filter((item) => item.conv === id).map((item) => `${id}:${item.text}`);
		expect(delivered.filter((entry) => entry.startsWith(`${id}:`))).toEqual(expected);
	}
}, 60_000);

test('reads through 500/502/503, resets, malformed JSON and HTML pages: retried, or one clear error item each', async () => {
	type Fault = 'ok' | '500' | '502' | '503' | 'reset' | 'html' | 'badjson';
	// Per conversation: the answers it gets, in order. Reads are retried up to 3 attempts.
	const plans: Record<string, Fault[]> = {
		a: ['ok'],
		b: ['500', 'ok'],
		c: ['502', '503', 'ok'],
		d: ['reset', 'ok'],
		e: ['html', 'html', 'html'],
		f: ['badjson'],
		g: ['503', '503', '503'],
	};
	const scope = api();
	for (const [conversation, faults] of Object.entries(plans)) {
		for (const fault of faults) {
			const interceptor = scope.get(`/1.2/rtm/conversations/${oid(conversation)}/members`);
			if (fault === 'ok') interceptor.reply(200, { result: [`${conversation}-member`] });
			else if (fault === 'reset') interceptor.replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
			else if (fault === 'html') interceptor.reply(502, '<html><h1>502 Bad Gateway</h1></html>', { 'Content-Type': 'text/html', 'Retry-After': '0' });
			else if (fault === 'badjson') interceptor.reply(200, '{"result": [', { 'Content-Type': 'application/json' });
			else interceptor.reply(Number(fault), { code: 1, error: 'Internal server error.' }, { 'Retry-After': '0' });
		}
	}
	const conversations = Object.keys(plans);
	const { output } = await runNode({
		continueOnFail: true,
		items: conversations.map((id) => ({ id: oid(id) })),
		parameters: { resource: 'member', operation: 'getAll', returnAll: true, conversationId: byId('={{ $json.id }}') },
	});
	expect(output.map((item) => item.pairedItem)).toEqual(conversations.map((_, index) => ({ item: index })));
	expect(output.slice(0, 4).map((item) => item.json)).toEqual(['a', 'b', 'c', 'd'].map((id) => ({ clientId: `${id}-member` })));
	expect(output[4].json).toMatchObject({ error: 'LeanCloud: 502 Bad Gateway [HTTP 502]', details: { httpCode: '502' } });
	// A 200 whose body is not JSON is not a result: an error item, not a silently empty list.
	expect(output[5].json).toMatchObject({ error: 'LeanCloud: The response is not JSON ({"result": [) [HTTP 200]', details: { httpCode: '200' } });
	expect(output[6].json).toMatchObject({ error: 'LeanCloud: Internal server error. [HTTP 503, code 1]', details: { httpCode: '503' } });
});

test('a send answered with a malformed body is reported, not resent: it may have been delivered', async () => {
	api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').once().reply(200, '<html>ok</html>', { 'Content-Type': 'text/html' });
	const { output } = await runNode({
		continueOnFail: true,
		parameters: { resource: 'message', operation: 'send', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), fromClient: 'bot', text: 'Hi' },
	});
	expect(output).toEqual([
		{
			json: { error: 'LeanCloud: The response is not JSON (ok) [HTTP 200]', details: { httpCode: '200' } },
			pairedItem: { item: 0 },
		},
	]);
});
