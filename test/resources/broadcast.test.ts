import type { IDataObject } from 'n8n-workflow';

import { api, byId, expectAllRequestsMade, recordUnmatched, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { testEndpointCases } from './endpointCases';
import { broadcastCases } from './broadcast.cases';
import { on, SVC, TS } from './fixtures';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

testEndpointCases(broadcastCases);

const everyone = (options: IDataObject = {}) => on('broadcast', 'send', { audience: 'everyone', conversationId: byId(SVC), fromClient: 'acme', text: 'Hi', options });

test('an app-wide broadcast\'s 429 is waited out (Retry-After) and the broadcast resent once', async () => {
	api()
		.post('/1.2/rtm/broadcasts')
		.reply(429, { code: 429, error: 'Too many requests.' }, { 'Retry-After': '1' })
		.post('/1.2/rtm/broadcasts')
		.reply(200, { result: { 'msg-id': 'sb_1', timestamp: TS } });
	const started = Date.now();
	const { output } = await runNode({ parameters: everyone() });
	// A lower bound only: it waited at least what LeanCloud asked.
	expect(Date.now() - started).toBeGreaterThanOrEqual(900);
	expect(output[0].json).toMatchObject({ messageId: 'sb_1', audience: 'everyone' });
});

test.each([
	['more than a month ahead', { validTill: '={{ $now.plus(40, "days").toISO() }}' }, '"Options > Valid Until" is more than one month ahead; LeanCloud allows at most one month [item 0]'],
	['in the past', { validTill: '2020-01-01T00:00:00Z' }, '"Options > Valid Until" is in the past [item 0]'],
])('an app-wide broadcast valid until a time %s is refused before sending', async (_name, options, message) => {
	const unmatched = recordUnmatched();
	const { error } = await runNode({ parameters: everyone(options) });
	unmatched.stop();
	expect(error?.message).toBe(message);
	expect(unmatched.requests).toEqual([]);
});
