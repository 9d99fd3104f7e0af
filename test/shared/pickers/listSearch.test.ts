import { LeanCloudIm } from '../../../nodes/LeanCloudIm/LeanCloudIm.node';
import { api, expectAllRequestsMade, recordUnmatched, resetNock } from '../../harness/leancloud';
import { defaultCredentials, listSearchContext } from '../../../harness/runNode';

const search = new LeanCloudIm().methods.listSearch.searchConversations;
const context = () => listSearchContext({ resource: 'message', operation: 'send' });

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

test('searches conversation names case-insensitively, with the filter escaped, 50 per page', async () => {
	const page = Array.from({ length: 50 }, (_, index) => ({ objectId: `c${index}`, name: `Support ${index}` }));
	api()
		.get('/1.2/rtm/conversations')
		.query({ limit: '50', skip: '0', where: JSON.stringify({ name: { $regex: 'Sup\\.port', $options: 'i' } }) })
		.reply(200, { results: page });

	const result = await search.call(context(), 'Sup.port');

	expect(result.results[0]).toEqual({ name: 'Support 0 (c0)', value: 'c0' });
	expect(result.results).toHaveLength(50);
	expect(result.paginationToken).toBe('50');
});

test('the next page uses the pagination token as skip, and a short page ends the list', async () => {
	api()
		.get('/1.2/rtm/conversations')
		.query({ limit: '50', skip: '50' })
		.reply(200, { results: [{ objectId: 'c50' }] });
	const result = await search.call(context(), undefined, '50');
	expect(result).toEqual({ results: [{ name: 'c50', value: 'c50' }], paginationToken: undefined });
});

test('API errors are shown to the user, not swallowed into an empty list', async () => {
	api().get('/1.2/rtm/conversations').query(true).reply(403, { code: 403, error: 'Forbidden to access _Conversation.' });
	await expect(search.call(context())).rejects.toMatchObject({
		name: 'NodeApiError',
		message: 'LeanCloud: Forbidden to access _Conversation. [HTTP 403, code 403]',
	});
});

test.each([
	['searchChatRooms', '/1.2/rtm/chatrooms'],
	['searchServiceConversations', '/1.2/rtm/service-conversations'],
	['searchAllConversations', '/1.2/rtm/all-conversations'],
] as const)('%s searches its own collection by name', async (method, path) => {
	api()
		.get(path)
		.query({ limit: '50', skip: '0', where: JSON.stringify({ name: { $regex: 'news', $options: 'i' } }) })
		.reply(200, { results: [{ objectId: 'aaaaaaaaaaaaaaaaaaaaaaaa', name: 'News' }] });
	const result = await new LeanCloudIm().methods.listSearch[method].call(context(), 'news');
	expect(result).toEqual({ results: [{ name: 'News (aaaaaaaaaaaaaaaaaaaaaaaa)', value: 'aaaaaaaaaaaaaaaaaaaaaaaa' }], paginationToken: undefined });
});

describe('pickers send as the nodes do', () => {
	test('a 429 is waited out as Retry-After says and the search sent again', async () => {
		api()
			.get('/1.2/rtm/conversations')
			.query({ limit: '50', skip: '0' })
			.reply(429, { code: 429, error: 'Too many requests.' }, { 'Retry-After': '1' })
			.get('/1.2/rtm/conversations')
			.query({ limit: '50', skip: '0' })
			.reply(200, { results: [{ objectId: 'c1', name: 'Support' }] });
		const result = await search.call(context());
		expect(result.results).toEqual([{ name: 'Support (c1)', value: 'c1' }]);
	});

	test('a credential without a Master Key is named, with nothing sent', async () => {
		const unmatched = recordUnmatched();
		const withoutMaster = listSearchContext({ resource: 'message', operation: 'send' }, { ...defaultCredentials, serverSecret: '' });
		await expect(search.call(withoutMaster)).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: 'The credential has no Master Key, which the conversation list needs',
		});
		unmatched.stop();
		expect(unmatched.requests).toEqual([]);
	});
});
