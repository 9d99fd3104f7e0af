/**
 * The quota and the order belong to the app: executions of the node running at the same time in one
 * process (a webhook per CRM event) share the pacer and the conversation lanes. Each test runs several
 * executions through n8n-core at once.
 */
import { laneStats } from '../../nodes/LeanCloudIm/engine/lanes';
import { wait } from '../../nodes/shared/sending/wait';
import { api, byId, expectAllRequestsMade, oid, resetNock, sendParameters } from '../harness/leancloud';
import { runNode, startRun } from '../harness/runNode';

const sent = (id: string) => ({ result: { 'msg-id': id, timestamp: 1764064800000 } });
const sendTo = (conversation: string, text: string) => sendParameters({ conversationId: byId(conversation), text });

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

test('a quota learned from one execution\'s 429 paces the others: they queue under it instead of retrying into it', async () => {
	// The server takes 2 sends per window; a refusal says Retry-After 1 s. Its window is 0.9 s, so a client that
	// waits as told is never early because of timer jitter: any 429 beyond the first is the node's doing.
	const arrivals: Array<{ text: string; at: number }> = [];
	let accepted = 0;
	let refused = 0;
	let windowStart = 0;
	api()
		.post(/\/1\.2\/rtm\/conversations\/[0-9a-f]{24}\/messages/)
		.times(20)
		.reply(function (_uri, body) {
			const now = Date.now();
			if (now - windowStart >= 900) {
				windowStart = now;
				accepted = 0;
			}
			if (accepted >= 2) {
				refused += 1;
				return [429, { code: 429, error: 'Too many requests.' }, { 'Retry-After': '1' }];
			}
			accepted += 1;
			arrivals.push({ text: (body as { message: string }).message, at: now });
			return [200, sent(`m${arrivals.length}`)];
		});
	// Execution A learns the quota (2 per second) from its third send.
	const first = runNode({ items: [{}, {}, {}], parameters: sendTo(oid('a'), '={{ "a" + $itemIndex }}') });
	await wait(300);
	// Four more executions, one item each, to other conversations, while A waits out the block.
	const others = ['b', 'c', 'd', 'e'].map(async (label) => await runNode({ parameters: sendTo(oid(label), label) }));
	const results = await Promise.all([first, ...others]);
	for (const result of results) expect(result.error).toBeUndefined();
	expect(arrivals).toHaveLength(7);
	// One 429 taught every execution: the others queued under the learned quota instead of each meeting it.
	expect(refused).toBe(1);
	nockCleanup();
});

test('requests for one conversation leave in the order their executions reached the node, never two at once', async () => {
	const conversation = oid('x');
	const order: string[] = [];
	const arrivals: number[] = [];
	api()
		.post(`/1.2/rtm/conversations/${conversation}/messages`)
		.times(5)
		.delay(150)
		.reply(function (_uri, body) {
			arrivals.push(Date.now());
			order.push((body as { message: string }).message);
			return [200, sent(`m${order.length}`)];
		});
	// A reaches the node first with three items, then B and C with one each, while A is still sending.
	const a = runNode({ items: [{}, {}, {}], parameters: sendTo(conversation, '={{ "a" + $itemIndex }}') });
	await wait(20);
	const b = runNode({ parameters: sendTo(conversation, 'b') });
	await wait(20);
	const c = runNode({ parameters: sendTo(conversation, 'c') });
	for (const result of await Promise.all([a, b, c])) expect(result.error).toBeUndefined();
	expect(order).toEqual(['a0', 'a1', 'a2', 'b', 'c']);
	// Each answer takes 150 ms: a request that left before the previous answer would arrive sooner than that.
	for (let index = 1; index < arrivals.length; index++) expect(arrivals[index] - arrivals[index - 1]).toBeGreaterThanOrEqual(140);
	// Nothing is held once the executions are done.
	expect(laneStats()).toMatchObject({ lanes: 0, tickets: 0 });
});

test('a failed execution (without Continue On Fail) gives back the places it did not use', async () => {
	const conversation = oid('z');
	api()
		.post(`/1.2/rtm/conversations/${conversation}/messages`, { from_client: 'bot', message: 'bad' })
		.reply(400, { code: 4401, error: 'INVALID_MESSAGING_TARGET' })
		.post(`/1.2/rtm/conversations/${conversation}/messages`, { from_client: 'bot', message: 'other' })
		.reply(200, sent('other'));
	const failed = await runNode({ items: [{ text: 'bad' }, { text: 'unsent' }], parameters: sendTo(conversation, '={{ $json.text }}') });
	expect(failed.error?.message).toBe('LeanCloud: INVALID_MESSAGING_TARGET [HTTP 400, code 4401]');
	const next = await runNode({ parameters: sendTo(conversation, 'other') });
	expect(next.output[0].json.messageId).toBe('other');
	expect(laneStats()).toMatchObject({ lanes: 0, tickets: 0 });
});

test('stopping one execution gives its places back at once; the execution behind it goes on, untouched', async () => {
	const conversation = oid('y');
	api()
		.post(`/1.2/rtm/conversations/${conversation}/messages`, { from_client: 'bot', message: 'slow' })
		.delay(1_500)
		.reply(200, sent('slow'))
		.post(`/1.2/rtm/conversations/${conversation}/messages`, { from_client: 'bot', message: 'next' })
		.reply(200, sent('next'));
	// A: one slow send in flight, and a second item queued behind it in the same conversation.
	const a = startRun({ items: [{ text: 'slow' }, { text: 'never' }], parameters: sendTo(conversation, '={{ $json.text }}') });
	await wait(300);
	// B queues behind both of A's places.
	const started = Date.now();
	const b = runNode({ parameters: sendTo(conversation, 'next') });
	await wait(200);
	a.cancel();
	const result = await b;
	expect(result.error).toBeUndefined();
	expect(result.output[0].json.messageId).toBe('next');
	// B did not wait for A's slow request to finish (1.5 s after it left), nor for A's queued item.
	expect(Date.now() - started).toBeLessThan(1_000);
	await a.catch(() => undefined);
	expect(laneStats()).toMatchObject({ lanes: 0, tickets: 0 });
	nockCleanup();
});

/** Interceptors declared with room to spare (`times`) are not all used; they are not a failure here. */
function nockCleanup(): void {
	resetNock();
}
