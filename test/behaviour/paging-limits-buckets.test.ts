/**
 * Paging with each endpoint's own cursor, limits checked before sending, and which rate-limit bucket paces a
 * request: the behaviour beyond the one-request-per-endpoint catalogue.
 */
import { CONV, ROOM, SVC } from '../catalogue/cases';
import { api, byId, expectAllRequestsMade, recordUnmatched, resetNock } from '../harness/leancloud';
import { runNode } from '../harness/runNode';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

const TS = 1764064800123;

describe('paging with each endpoint\'s own cursor', () => {
	test('Subscriber > Get Many passes the last subscriber as client_id, 50 a page, until a short page', async () => {
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

	test('Client > Get Subscriptions passes the last conv_id and its timestamp as the next cursor', async () => {
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

	test('Role > Get Many pages member-infos by skip', async () => {
		const page = Array.from({ length: 100 }, (_, index) => ({ clientId: `u${index}`, objectId: `${index}`.padStart(24, '0'), role: 'Member' }));
		api()
			.get(`/1.2/rtm/chatrooms/${ROOM}/member-infos`)
			.query({ limit: '100' })
			.reply(200, { results: page })
			.get(`/1.2/rtm/chatrooms/${ROOM}/member-infos`)
			.query({ limit: '100', skip: '100' })
			.reply(200, { results: [] });
		const { output } = await runNode({
			parameters: { resource: 'role', operation: 'getAll', conversationType: 'chatRoom', conversationId: byId(ROOM), returnAll: true },
		});
		expect(output).toHaveLength(100);
	});

	test('Client > Get Blocked Conversations follows next', async () => {
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
	const cases: Array<[string, object, string]> = [
		['Check Online with 21 client IDs', { resource: 'client', operation: 'checkOnline', clientIds: Array.from({ length: 21 }, (_, i) => `u${i}`).join(',') }, '"Client IDs" has 21 client IDs; LeanCloud accepts at most 20 [item 0]'],
		['a kick reason over 20 characters', { resource: 'client', operation: 'kick', clientId: 'troll', reason: 'Repeated spam in the lobby' }, '"Reason" has 26 characters; LeanCloud accepts at most 20 [item 0]'],
		['a service send with no recipients', { resource: 'message', operation: 'send', conversationType: 'serviceConversation', conversationId: byId(SVC), fromClient: 'acme', toClients: '={{ "" }}', text: 'Hi' }, '"Recipients" needs at least one client ID [item 0]'],
		['a service send to 21 recipients', { resource: 'message', operation: 'send', conversationType: 'serviceConversation', conversationId: byId(SVC), fromClient: 'acme', toClients: Array.from({ length: 21 }, (_, i) => `u${i}`).join(','), text: 'Hi' }, '"Recipients" has 21 client IDs; LeanCloud accepts at most 20 [item 0]'],
		['a service message delete with no subscriber', { resource: 'message', operation: 'delete', conversationType: 'serviceConversation', conversationId: byId(SVC), subscriberId: '={{ "" }}', messageId: 'm1', timestamp: TS, fromClient: 'acme' }, '"Subscriber Client ID" is empty [item 0]'],
		['an app-wide broadcast valid for more than a month', { resource: 'broadcast', operation: 'send', audience: 'everyone', conversationId: byId(SVC), fromClient: 'acme', text: 'Hi', options: { validTill: '={{ $now.plus(40, "days").toISO() }}' } }, '"Options > Valid Until" is more than one month ahead; LeanCloud allows at most one month [item 0]'],
		['an app-wide broadcast valid until a past time', { resource: 'broadcast', operation: 'send', audience: 'everyone', conversationId: byId(SVC), fromClient: 'acme', text: 'Hi', options: { validTill: '2020-01-01T00:00:00Z' } }, '"Options > Valid Until" is in the past [item 0]'],
		['a role LeanCloud does not know', { resource: 'role', operation: 'add', conversationId: byId(CONV), clientId: 'alice', role: '={{ "Admin" }}' }, '"Role" must be one of Manager, Member, Owner, got "Admin" [item 0]'],
		['an unread count for a malformed conversation ID', { resource: 'client', operation: 'getUnreadCount', clientId: 'alice', unreadIn: 'general' }, '"Conversation ID" "general" is not a LeanCloud ID [item 0]'],
		['a chat room ID of the wrong shape, named as a chat room', { resource: 'mute', operation: 'add', conversationType: 'chatRoom', conversationId: byId('={{ "lobby" }}'), clientId: 'troll' }, '"Chat Room" "lobby" is not a LeanCloud ID [item 0]'],
	];
	test.each(cases)('%s', async (_name, parameters, message) => {
		const unmatched = recordUnmatched();
		const { error } = await runNode({ parameters: parameters as never });
		unmatched.stop();
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toBe(message);
		expect(unmatched.requests).toEqual([]);
	});
});

describe('rate-limit buckets', () => {
	test('an app-wide broadcast\'s 429 is waited out (Retry-After) and the broadcast resent once', async () => {
		api()
			.post('/1.2/rtm/broadcasts')
			.reply(429, { code: 429, error: 'Too many requests.' }, { 'Retry-After': '1' })
			.post('/1.2/rtm/broadcasts')
			.reply(200, { result: { 'msg-id': 'sb_1', timestamp: TS } });
		const started = Date.now();
		const { output } = await runNode({
			parameters: { resource: 'broadcast', operation: 'send', audience: 'everyone', conversationId: byId(SVC), fromClient: 'acme', text: 'Hi' },
		});
		expect(Date.now() - started).toBeGreaterThanOrEqual(900);
		expect(output[0].json).toMatchObject({ messageId: 'sb_1', audience: 'everyone' });
	});
});
