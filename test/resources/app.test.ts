import { api, expectAllRequestsMade, recordUnmatched, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { testEndpointCases } from './endpointCases';
import { appCases } from './app.cases';
import { CONV, TS } from './fixtures';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

testEndpointCases(appCases);

const record = (index: number) => ({ timestamp: TS + index, 'conv-id': CONV, data: `m${index}`, from: 'alice', 'msg-id': `id${index}` });

test('Get Many Messages, oldest first with Return All, pages the whole app from the last record of each page', async () => {
	const firstPage = Array.from({ length: 1000 }, (_, index) => record(index));
	api()
		.get('/1.2/rtm/messages')
		.query({ reversed: 'true', timestamp: String(TS), limit: '1000' })
		.reply(200, firstPage)
		.get('/1.2/rtm/messages')
		.query({ reversed: 'true', timestamp: String(TS + 999), msgid: 'id999', limit: '1000' })
		.reply(200, [record(1000)]);
	const { output } = await runNode({
		parameters: { resource: 'app', operation: 'getAllMessages', returnAll: true, simplify: false, options: { order: 'oldestFirst', after: TS } },
	});
	expect(output).toHaveLength(1001);
	// Simplify off: LeanCloud's raw records.
	expect(output[1000]).toEqual({ json: record(1000), pairedItem: { item: 0 } });
});

test('After must be earlier than Before, checked before anything is sent', async () => {
	const unmatched = recordUnmatched();
	const { error } = await runNode({
		parameters: { resource: 'app', operation: 'getAllMessages', options: { after: '2026-11-25T00:00:00Z', before: '2026-11-24T00:00:00Z' } },
	});
	unmatched.stop();
	expect(error?.message).toBe('"Options > After" must be earlier than Before [item 0]');
	expect(unmatched.requests).toEqual([]);
});
