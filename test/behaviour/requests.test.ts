import nock from 'nock';

import { api, byId, expectAllRequestsMade, plainKeyApi, resetNock } from '../harness/leancloud';
import { API_SERVER, defaultCredentials, runNode } from '../../harness/runNode';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

/** The raw request paths that reached the API, as sent on the wire. */
function recordPaths(scope: nock.Scope): string[] {
	const paths: string[] = [];
	scope.on('request', (req: { path: string }) => paths.push(req.path));
	return paths;
}

describe('path segments are URL-encoded, so no input leaves its endpoint', () => {
	test.each([
		['../../classes/_User', '..%2F..%2Fclasses%2F_User'],
		['a/b?c=d#e', 'a%2Fb%3Fc%3Dd%23e'],
		['%2F..', '%252F..'],
		['会话 1', '%E4%BC%9A%E8%AF%9D%201'],
		['line\r\nX-Injected: 1', 'line%0D%0AX-Injected%3A%201'],
	])('message ID %j', async (id, segment) => {
		const path = `/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages/${segment}/recall`;
		const scope = api().put(path).reply(200, {});
		const paths = recordPaths(scope);
		const { output, error } = await runNode({
			items: [{ id }],
			parameters: {
				resource: 'message',
				operation: 'recall',
				conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'),
				messageId: '={{ $json.id }}',
				timestamp: 1764064800123,
				fromClient: 'bot',
			},
		});
		expect(error).toBeUndefined();
		expect(output[0].json).toMatchObject({ messageId: id, recalled: true });
		expect(paths).toEqual([path]);
	});

	test.each(['../../classes/_User', 'a/b?c=d#e', '%2F..', '会话 1', 'line\r\nX-Injected: 1', 'tom,jerry', 'x'.repeat(65)])(
		'client ID %j is refused before any request: client IDs are letters, digits, _ and - (at most 64)',
		async (id) => {
			const { error } = await runNode({
				items: [{ id }],
				parameters: { resource: 'client', operation: 'kick', clientId: '={{ $json.id }}' },
			});
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(/^"Client ID" (takes one client ID|".*" is not a client ID|".*…" is longer than 64 characters)/);
		},
	);

	test.each(['../../classes/_User', 'a/b?c=d#e', '%2F..', 'c1', 'c1c1c1c1c1c1c1c1c1c1c1c1/'])(
		'conversation ID %j is refused before any request: conversation IDs have one shape',
		async (id) => {
			const { error } = await runNode({
				items: [{ id }],
				parameters: { resource: 'chatRoom', operation: 'delete', conversationId: byId('={{ $json.id }}') },
			});
			expect(error?.name).toBe('NodeOperationError');
			expect(error?.message).toMatch(/^"Chat Room" ".*" is not a LeanCloud ID \[item 0\]$/);
		},
	);

	test('message IDs are encoded too', async () => {
		const scope = api().put('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages/..%2Frecall/recall').reply(200, {});
		const paths = recordPaths(scope);
		await runNode({
			parameters: {
				resource: 'message',
				operation: 'recall',
				conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'),
				messageId: '../recall',
				timestamp: 1764064800123,
				fromClient: 'bot',
			},
		});
		expect(paths).toEqual(['/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages/..%2Frecall/recall']);
	});
});

describe('authentication modes', () => {
	test('Sign Requests off sends X-LC-Key with the master suffix instead of a signature', async () => {
		plainKeyApi('master').delete('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1').reply(200, {});
		const { error } = await runNode({
			credentials: { ...defaultCredentials, signRequests: false },
			parameters: { resource: 'conversation', operation: 'delete', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1') },
		});
		expect(error).toBeUndefined();
	});

	test('a bare host and a trailing slash in API Server both reach https://host/1.2/rtm', async () => {
		for (const apiServer of ['im-api.test.example', `${API_SERVER}/`]) {
			api().delete('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1').reply(200, {});
			const { error } = await runNode({
				credentials: { ...defaultCredentials, apiServer },
				parameters: { resource: 'conversation', operation: 'delete', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1') },
			});
			expect(error).toBeUndefined();
		}
	});
});

describe('several items with expressions', () => {
	test('each item\'s parameters are read at its own index and results keep input order', async () => {
		api()
			.post('/1.2/rtm/conversations/cacacacacacacacacacacaca/messages', { from_client: 'crm', message: 'Hello Ann', mention_client_ids: ['ann'] })
			.reply(200, { result: { 'msg-id': 'ma', timestamp: 1764064800001 } })
			.post('/1.2/rtm/conversations/cbcbcbcbcbcbcbcbcbcbcbcb/messages', { from_client: 'crm', message: 'Hello Bob', mention_client_ids: ['bob'] })
			.reply(200, { result: { 'msg-id': 'mb', timestamp: 1764064800002 } });

		const { output } = await runNode({
			items: [
				{ conv: 'cacacacacacacacacacacaca', name: 'Ann', user: 'ann' },
				{ conv: 'cbcbcbcbcbcbcbcbcbcbcbcb', name: 'Bob', user: 'bob' },
			],
			parameters: {
				resource: 'message',
				operation: 'send',
				conversationId: byId('={{ $json.conv }}'),
				fromClient: 'crm',
				text: '=Hello {{ $json.name }}',
				options: { mentionClientIds: '={{ $json.user }}' },
			},
		});

		expect(output).toEqual([
			{ json: { conversationId: 'cacacacacacacacacacacaca', messageId: 'ma', timestamp: 1764064800001, fromClient: 'crm' }, pairedItem: { item: 0 } },
			{ json: { conversationId: 'cbcbcbcbcbcbcbcbcbcbcbcb', messageId: 'mb', timestamp: 1764064800002, fromClient: 'crm' }, pairedItem: { item: 1 } },
		]);
	});

	test('Limit is read per item', async () => {
		api()
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/members')
			.twice()
			.reply(200, { result: ['a', 'b', 'c'] });
		const { output } = await runNode({
			items: [{ n: 1 }, { n: 3 }],
			parameters: { resource: 'member', operation: 'getAll', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), limit: '={{ $json.n }}' },
		});
		expect(output.map((item) => [item.json.clientId, item.pairedItem])).toEqual([
			['a', { item: 0 }],
			['a', { item: 1 }],
			['b', { item: 1 }],
			['c', { item: 1 }],
		]);
	});
});
