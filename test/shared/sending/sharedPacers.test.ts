/**
 * The quota belongs to the app: executions of the node running at the same time in one process share one pacer
 * per rate-limit bucket. Several executions run through n8n-core at once, sequenced by states reached.
 */
import { normaliseApiServer } from '../../../credentials/LeanCloudImApi.credentials';
import { appKey, sharedPacer } from '../../../nodes/shared/sending/sharedPacers';
import { until } from '../../harness/hooks';
import { api, byId, expectAllRequestsMade, oid, resetNock, sendParameters } from '../../harness/leancloud';
import { API_SERVER, APP_ID, runNode } from '../../../harness/runNode';

const sent = (id: string): { result: { 'msg-id': string; timestamp: number } } => ({ result: { 'msg-id': id, timestamp: 1764064800000 } });
const sendTo = (conversation: string, text: string) => sendParameters({ conversationId: byId(conversation), text });
/** The pacer every execution of the test app shares for message sends. */
const normalPacer = () => sharedPacer(appKey(normaliseApiServer(API_SERVER), APP_ID), 'normal', undefined);

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

test('a quota learned from one execution\'s 429 paces the others: they queue under it instead of retrying into it', async () => {
	// The server takes 2 sends, refuses the third (Retry-After: 1 s), then takes everything: what it sees after the
	// refusal is the node's own pacing.
	const after: number[] = [];
	let refusedAt = 0;
	let count = 0;
	api()
		.post(/\/1\.2\/rtm\/conversations\/[0-9a-f]{24}\/messages/)
		.times(8)
		.reply(() => {
			count += 1;
			if (count === 3) {
				refusedAt = Date.now();
				return [429, { code: 429, error: 'Too many requests.' }, { 'Retry-After': '1' }];
			}
			if (refusedAt) after.push(Date.now());
			return [200, sent(`m${count}`)];
		});
	// Execution A learns the quota (2 per second) from its third send.
	const first = runNode({ items: [{}, {}, {}], parameters: sendTo(oid('a'), '={{ "a" + $itemIndex }}') });
	await until(() => refusedAt > 0 && normalPacer().delay() > 0);
	// Four more executions, one item each, to other conversations, while A waits out the block.
	const others = ['b', 'c', 'd', 'e'].map(async (label) => await runNode({ parameters: sendTo(oid(label), label) }));
	const results = await Promise.all([first, ...others]);
	for (const result of results) expect(result.error).toBeUndefined();
	expect(normalPacer().quota).toEqual({ limit: 2, windowMs: 1000 });
	// Nothing was sent during the block, and then at most 2 a second: the k-th send after the refusal left no
	// earlier than the block's end plus a second for every 2 before it (an answer can only come after its send).
	expect(after).toHaveLength(5);
	after.sort((x, y) => x - y).forEach((at, index) => expect(at - refusedAt).toBeGreaterThanOrEqual(1000 * (1 + Math.floor(index / 2))));
	// Seven sends and one refusal in all: one 429 taught every execution.
	expect(count).toBe(8);
});
