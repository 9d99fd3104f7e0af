import { api, expectAllRequestsMade, resetNock } from '../harness/leancloud';
import { defaultCredentials, runNode } from '../harness/runNode';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

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
