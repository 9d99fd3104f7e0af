import { api, expectAllRequestsMade, recordUnmatched, resetNock } from '../harness/leancloud';
import { defaultCredentials, runNode } from '../../harness/runNode';
import { testEndpointCases } from './endpointCases';
import { clientCases } from './client.cases';
import { on, ROOM, SVC, TS } from './fixtures';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

testEndpointCases(clientCases);

const unread = { resource: 'client', operation: 'getUnreadCount', clientId: 'alice' };

describe('Client > Get Unread Count: the App Key when set (the documented key), else the Master Key', () => {
	test('with both keys it signs with the App Key', async () => {
		api('app').get('/1.2/rtm/clients/alice/unread-count').reply(200, { count: 3 });
		const { output } = await runNode({ parameters: unread });
		expect(output[0].json).toEqual({ clientId: 'alice', unreadCount: 3 });
	});

	test('with only the Master Key it signs with the Master Key', async () => {
		api('master').get('/1.2/rtm/clients/alice/unread-count').reply(200, { count: 3 });
		const { output, error } = await runNode({ parameters: unread, credentials: { ...defaultCredentials, clientToken: '' } });
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({ clientId: 'alice', unreadCount: 3 });
	});

	test('with neither key it says what to add, with nothing sent', async () => {
		const { error } = await runNode({ parameters: unread, credentials: { ...defaultCredentials, clientToken: '', serverSecret: '' } });
		expect(error?.message).toBe('The credential has no App Key (or a Master Key), which "Get Unread Count" needs [item 0]');
	});
});

describe('Client > Get Login Signature', () => {
	test('needs the App Key, as documented: with only the Master Key it says so, with nothing sent', async () => {
		const { error } = await runNode({
			parameters: { resource: 'client', operation: 'getSignature', sessionToken: 'r:token' },
			credentials: { ...defaultCredentials, clientToken: '' },
		});
		expect(error?.message).toBe('The credential has no App Key, which "Get Login Signature" needs [item 0]');
	});

	test('outputs camelCase fields named like the node\'s parameters', async () => {
		api('app')
			.get('/1.2/rtm/clients/sign')
			.query({ session_token: 'r:token' })
			.reply(200, { signature: 'abc', nonce: 'n', client_id: 'u1', timestamp: 1764064800123 });
		const { output } = await runNode({ parameters: { resource: 'client', operation: 'getSignature', sessionToken: 'r:token' } });
		expect(output).toEqual([{ json: { clientId: 'u1', signature: 'abc', nonce: 'n', timestamp: 1764064800123 }, pairedItem: { item: 0 } }]);
	});
});

describe('paging with each list\'s own cursor', () => {
	test('Get Subscriptions passes the last conv_id and its timestamp as the next cursor', async () => {
		const page = Array.from({ length: 50 }, (_, index) => ({ timestamp: TS + index, subscriber: 'alice', conv_id: `${index}`.padStart(24, 'a') }));
		api()
			.get('/1.2/rtm/clients/alice/service-conversations')
			.query({ direction: 'new', limit: '50' })
			.reply(200, page)
			.get('/1.2/rtm/clients/alice/service-conversations')
			.query({ direction: 'new', limit: '50', conv_id: page[49].conv_id, timestamp: String(TS + 49) })
			.reply(200, [{ timestamp: TS + 50, subscriber: 'alice', conv_id: SVC }]);
		const { output } = await runNode({ parameters: { resource: 'client', operation: 'getSubscriptions', clientId: 'alice', returnAll: true } });
		expect(output).toHaveLength(51);
		expect(output[50].json).toEqual({ conversationId: SVC, clientId: 'alice', subscribedAt: TS + 50 });
	});

	test('Get Blocked Conversations follows next', async () => {
		api()
			.get('/1.2/rtm/clients/alice/blacklists')
			.query({ limit: '50' })
			.reply(200, { conv_ids: [ROOM], next: '1' })
			.get('/1.2/rtm/clients/alice/blacklists')
			.query({ limit: '50', next: '1' })
			.reply(200, { conv_ids: [SVC] });
		const { output } = await runNode({ parameters: { resource: 'client', operation: 'getBlocked', clientId: 'alice', returnAll: true } });
		expect(output.map((item) => item.json)).toEqual([
			{ clientId: 'alice', conversationId: ROOM },
			{ clientId: 'alice', conversationId: SVC },
		]);
	});
});

describe('limits are checked before anything is sent', () => {
	test.each([
		['Check Online with 21 client IDs', { operation: 'checkOnline', clientIds: Array.from({ length: 21 }, (_, i) => `u${i}`).join(',') }, '"Client IDs" has 21 client IDs; LeanCloud accepts at most 20 [item 0]'],
		['a kick reason over 20 characters', { operation: 'kick', clientId: 'troll', reason: 'Repeated spam in the lobby' }, '"Reason" has 26 characters; LeanCloud accepts at most 20 [item 0]'],
		['an unread count for a malformed conversation ID', { operation: 'getUnreadCount', clientId: 'alice', unreadIn: 'general' }, '"Conversation ID" "general" is not a LeanCloud ID [item 0]'],
	])('%s', async (_name, fields, message) => {
		const unmatched = recordUnmatched();
		const { error } = await runNode({ parameters: on('client', String(fields.operation), fields) });
		unmatched.stop();
		expect(error?.message).toBe(message);
		expect(unmatched.requests).toEqual([]);
	});
});
