/**
 * The order belongs to the app: executions of the node running at the same time in one process (a webhook per
 * CRM event) share one lane per conversation. Each test runs several executions through n8n-core at once,
 * sequenced by states reached (hooks), never by sleeping.
 */
import { laneStats } from '../../nodes/LeanCloudIm/engine/lanes';
import { heldReplies, until } from '../harness/hooks';
import { api, byId, expectAllRequestsMade, oid, resetNock, sendParameters } from '../harness/leancloud';
import { runNode, startRun } from '../../harness/runNode';

const sent = (id: string): { result: { 'msg-id': string; timestamp: number } } => ({ result: { 'msg-id': id, timestamp: 1764064800000 } });
const sendTo = (conversation: string, text: string) => sendParameters({ conversationId: byId(conversation), text });

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

test('requests for one conversation leave in the order their executions reached the node, never two at once', async () => {
	const conversation = oid('x');
	const order: string[] = [];
	let inFlight = 0;
	let mostInFlight = 0;
	const held = heldReplies(() => {
		inFlight -= 1;
		return [200, sent(`m${order.length}`)];
	});
	api()
		.post(`/1.2/rtm/conversations/${conversation}/messages`)
		.times(5)
		.reply((uri, body, callback) => {
			inFlight += 1;
			mostInFlight = Math.max(mostInFlight, inFlight);
			order.push((body as { message: string }).message);
			held.reply(uri, body, callback);
		});
	// A reaches the node first with three items; its first send is held at the server, so its places stay taken.
	const a = runNode({ items: [{}, {}, {}], parameters: sendTo(conversation, '={{ "a" + $itemIndex }}') });
	await until(() => held.arrived === 1);
	// Then B and C, one item each, while A is still sending: each takes its place behind those already taken.
	const b = runNode({ parameters: sendTo(conversation, 'b') });
	await until(() => laneStats().tickets === 4);
	const c = runNode({ parameters: sendTo(conversation, 'c') });
	await until(() => laneStats().tickets === 5);
	for (let answered = 0; answered < 5; answered++) {
		await until(() => held.waiting === 1);
		held.release();
	}
	for (const result of await Promise.all([a, b, c])) expect(result.error).toBeUndefined();
	expect(order).toEqual(['a0', 'a1', 'a2', 'b', 'c']);
	// Each was sent only once the one before it was answered.
	expect(mostInFlight).toBe(1);
	// Nothing is held once the executions are done.
	expect(laneStats()).toEqual({ lanes: 0, tickets: 0 });
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
	expect(laneStats()).toEqual({ lanes: 0, tickets: 0 });
});

test('stopping one execution gives its places back at once; the execution behind it goes on, untouched', async () => {
	const conversation = oid('y');
	// A's send is held at the server until the end of the test: B can only finish if A's places were given back.
	const slow = heldReplies(() => [200, sent('slow')]);
	api()
		.post(`/1.2/rtm/conversations/${conversation}/messages`, { from_client: 'bot', message: 'slow' })
		.reply(slow.reply)
		.post(`/1.2/rtm/conversations/${conversation}/messages`, { from_client: 'bot', message: 'next' })
		.reply(200, sent('next'));
	// A: one send in flight, and a second item queued behind it in the same conversation.
	const a = startRun({ items: [{ text: 'slow' }, { text: 'never' }], parameters: sendTo(conversation, '={{ $json.text }}') });
	await until(() => slow.arrived === 1);
	// B queues behind both of A's places; then A is stopped.
	const b = runNode({ parameters: sendTo(conversation, 'next') });
	await until(() => laneStats().tickets === 3);
	a.cancel();
	const result = await b;
	expect(result.error).toBeUndefined();
	expect(result.output[0].json.messageId).toBe('next');
	// B was done while A's request was still unanswered: it waited neither for that answer nor for A's queued item.
	expect(slow.waiting).toBe(1);
	await a.catch(() => undefined);
	expect(laneStats()).toEqual({ lanes: 0, tickets: 0 });
	nockCleanup();
});

/** Interceptors declared with room to spare (`times`) are not all used; they are not a failure here. */
function nockCleanup(): void {
	resetNock();
}
