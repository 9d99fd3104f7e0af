import { api, byId, expectAllRequestsMade, recordUnmatched, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { testEndpointCases } from './endpointCases';
import { SVC, TS } from './fixtures';
import { subscriberCases } from './subscriber.cases';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

testEndpointCases(subscriberCases);

test('Get Many passes the last subscriber as client_id, 50 a page, until a short page', async () => {
	const page = Array.from({ length: 50 }, (_, index) => ({ timestamp: TS + index, subscriber: `u${index}`, conv_id: SVC }));
	api()
		.get(`/1.2/rtm/service-conversations/${SVC}/subscribers`)
		.query({ limit: '50' })
		.reply(200, page)
		.get(`/1.2/rtm/service-conversations/${SVC}/subscribers`)
		.query({ limit: '50', client_id: 'u49' })
		.reply(200, [{ timestamp: TS + 50, subscriber: 'u50', conv_id: SVC }]);
	const { output } = await runNode({ parameters: { resource: 'subscriber', operation: 'getAll', conversationId: byId(SVC), returnAll: true } });
	expect(output).toHaveLength(51);
	expect(output[50].json).toEqual({ conversationId: SVC, clientId: 'u50', subscribedAt: TS + 50 });
});

test('Remove puts the subscriber in the path, encoded, and refuses a list', async () => {
	const unmatched = recordUnmatched();
	const { error } = await runNode({ parameters: { resource: 'subscriber', operation: 'remove', conversationId: byId(SVC), clientId: 'tom,jerry' } });
	unmatched.stop();
	expect(error?.message).toBe('"Client ID" takes one client ID, got "tom,jerry" [item 0]');
	expect(unmatched.requests).toEqual([]);
});
