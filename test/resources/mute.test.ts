import { api, byId, expectAllRequestsMade, recordUnmatched, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { testEndpointCases } from './endpointCases';
import { muteCases } from './mute.cases';

const mute = (operation: string, fields: object = {}) => ({ resource: 'mute', operation, conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), ...fields });

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

testEndpointCases(muteCases);

describe('Mute > Add', () => {
	test('temporary: POST temporary-silenceds with one client_id and the TTL in seconds', async () => {
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/temporary-silenceds', { client_id: 'troll', ttl: 600 }).reply(200, {});
		const { output } = await runNode({ parameters: mute('add', { clientId: 'troll', muteType: 'temporary', ttl: 600 }) });
		expect(output).toEqual([
			{ json: { conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', clientId: 'troll', muted: true, muteType: 'temporary', ttl: 600 }, pairedItem: { item: 0 } },
		]);
	});

	test('temporary is the default, for 600 seconds', async () => {
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/temporary-silenceds', { client_id: 'troll', ttl: 600 }).reply(200, {});
		const { output } = await runNode({ parameters: mute('add', { clientId: 'troll' }) });
		expect(output[0].json.muteType).toBe('temporary');
	});

	test('permanent: POST permanent-silenceds with a client_ids list', async () => {
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/permanent-silenceds', { client_ids: ['troll'] }).reply(200, {});
		const { output } = await runNode({ parameters: mute('add', { clientIds: 'troll', muteType: 'permanent' }) });
		expect(output).toEqual([
			{ json: { conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', clientId: 'troll', muted: true, muteType: 'permanent' }, pairedItem: { item: 0 } },
		]);
	});
});

describe('Mute > Remove', () => {
	test('temporary: DELETE temporary-silenceds with client_id in the query', async () => {
		api().delete('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/temporary-silenceds').query({ client_id: 'troll' }).reply(200, {});
		const { output } = await runNode({ parameters: mute('remove', { clientId: 'troll', muteType: 'temporary' }) });
		expect(output).toEqual([
			{ json: { conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', clientId: 'troll', muted: false, muteType: 'temporary' }, pairedItem: { item: 0 } },
		]);
	});

	test('permanent: DELETE permanent-silenceds with a client_ids body', async () => {
		api().delete('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/permanent-silenceds', { client_ids: ['troll'] }).reply(200, {});
		const { output } = await runNode({ parameters: mute('remove', { clientIds: 'troll', muteType: 'permanent' }) });
		expect(output[0].json).toEqual({ conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', clientId: 'troll', muted: false, muteType: 'permanent' });
	});
});

describe('Mute > Get Many', () => {
	test('Return All follows the next cursor until the response has none', async () => {
		api()
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/permanent-silenceds')
			.query({ limit: '50' })
			.reply(200, { client_ids: ['a', 'b'], next: 'cursor-2' })
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/permanent-silenceds')
			.query({ limit: '50', next: 'cursor-2' })
			.reply(200, { client_ids: ['c'] });
		const { output } = await runNode({ parameters: mute('getAll', { returnAll: true }) });
		expect(output).toEqual(['a', 'b', 'c'].map((clientId) => ({ json: { clientId }, pairedItem: { item: 0 } })));
	});

	test('Limit asks for the remaining count on the next page', async () => {
		api()
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/permanent-silenceds')
			.query({ limit: '3' })
			.reply(200, { client_ids: ['a', 'b'], next: 'n2' })
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/permanent-silenceds')
			.query({ limit: '1', next: 'n2' })
			.reply(200, { client_ids: ['c'], next: 'n3' });
		const { output } = await runNode({ parameters: mute('getAll', { limit: 3 }) });
		expect(output.map((item) => item.json.clientId)).toEqual(['a', 'b', 'c']);
	});
});

describe('Mute Type Permanent takes several client IDs, as the API does', () => {
	test('Add: one request with every client_id, one output item per client', async () => {
		api()
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/permanent-silenceds', { client_ids: ['troll', 'spam', 'bot-9'] })
			.reply(200, {});
		const { output } = await runNode({ parameters: mute('add', { clientIds: 'troll, spam,\nbot-9, troll', muteType: 'permanent' }) });
		expect(output.map((item) => [item.json.clientId, item.pairedItem])).toEqual([
			['troll', { item: 0 }],
			['spam', { item: 0 }],
			['bot-9', { item: 0 }],
		]);
	});

	test('Remove: the same list in the DELETE body', async () => {
		api().delete('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/permanent-silenceds', { client_ids: ['troll', 'spam'] }).reply(200, {});
		const { output } = await runNode({ parameters: mute('remove', { clientIds: 'troll, spam', muteType: 'permanent' }) });
		expect(output.map((item) => item.json)).toEqual([
			{ conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', clientId: 'troll', muted: false, muteType: 'permanent' },
			{ conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', clientId: 'spam', muted: false, muteType: 'permanent' },
		]);
	});

	test('Temporary takes one client: "tom,jerry" is refused with nothing sent', async () => {
		const { error } = await runNode({ parameters: mute('add', { clientId: 'tom,jerry', muteType: 'temporary' }) });
		expect(error?.message).toBe('"Client ID" takes one client ID, got "tom,jerry" [item 0]');
	});
});

test('a chat room ID of the wrong shape is refused, named as a chat room, before anything is sent', async () => {
	const unmatched = recordUnmatched();
	const { error } = await runNode({ parameters: mute('add', { conversationType: 'chatRoom', conversationId: byId('={{ "lobby" }}'), clientId: 'troll' }) });
	unmatched.stop();
	expect(error?.message).toBe('"Chat Room" "lobby" is not a LeanCloud ID [item 0]');
	expect(unmatched.requests).toEqual([]);
});
