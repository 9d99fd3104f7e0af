import { createHash } from 'crypto';
import { api, byId, expectAllRequestsMade, recordUnmatched, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { testEndpointCases } from './endpointCases';
import { messageCases } from './message.cases';
import { fileHost } from '../harness/fileHosts';

const message = (operation: string, fields: object = {}) => ({ resource: 'message', operation, conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), ...fields });
const reference = { messageId: 'm-1', timestamp: 1764064800123, fromClient: 'bot' };

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

testEndpointCases(messageCases);

describe('Message > Send', () => {
	test('sends every option in the documented body and outputs what Update/Recall/Delete need', async () => {
		api()
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', {
				from_client: 'bot',
				message: 'Hello there',
				transient: true,
				no_sync: true,
				priority: 'high',
				push_data: { alert: 'New message', badge: 'Increment' },
				mention_all: false,
				mention_client_ids: ['alice', 'bob'],
			})
			.reply(200, { result: { 'msg-id': 'm-1', timestamp: 1764064800123 } });

		const { output, error } = await runNode({
			parameters: message('send', {
				fromClient: 'bot',
				text: 'Hello there',
				options: {
					transient: true,
					noSync: true,
					priority: 'high',
					pushData: '{"alert": "New message", "badge": "Increment"}',
					mentionAll: false,
					mentionClientIds: 'alice, bob',
				},
			}),
		});
		expect(error).toBeUndefined();
		expect(output).toEqual([{ json: { conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', ...reference }, pairedItem: { item: 0 } }]);
	});

	test('accepts the documented unwrapped send result too', async () => {
		api()
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: 'Hi' })
			.reply(200, { 'msg-id': 'm-2', timestamp: 1764064800999 });
		const { output } = await runNode({ parameters: message('send', { fromClient: 'bot', text: 'Hi' }) });
		expect(output[0].json).toEqual({ conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', messageId: 'm-2', timestamp: 1764064800999, fromClient: 'bot' });
	});

	test.each([
		[
			'image with metadata and attributes',
			{
				messageType: 'image',
				richText: 'Your invoice',
				fileUrl: 'https://files.example.com/a.png',
				registerUrl: false,
				richFields: { width: 640, height: 480, name: 'a.png', format: 'png', size: 2048, attributes: '{"orderId": "A-1"}' },
			},
			{
				_lctype: -2,
				_lctext: 'Your invoice',
				_lcfile: { url: 'https://files.example.com/a.png', metaData: { name: 'a.png', format: 'png', size: 2048, width: 640, height: 480 } },
				_lcattrs: { orderId: 'A-1' },
			},
		],
		['text', { messageType: 'text', richText: 'Hi' }, { _lctype: -1, _lctext: 'Hi' }],
		['audio', { messageType: 'audio', fileUrl: 'https://f.example/a.mp3', registerUrl: false, richFields: { duration: 12 } }, { _lctype: -3, _lcfile: { url: 'https://f.example/a.mp3', metaData: { duration: 12 } } }],
		['video', { messageType: 'video', fileUrl: 'https://f.example/v.mp4', registerUrl: false }, { _lctype: -4, _lcfile: { url: 'https://f.example/v.mp4' } }],
		['file', { messageType: 'file', fileUrl: 'https://f.example/f.pdf', richFields: { objId: 'obj1' } }, { _lctype: -6, _lcfile: { url: 'https://f.example/f.pdf', objId: 'obj1' } }],
		['location', { messageType: 'location', richText: 'Office', latitude: 39.9, longitude: 116.4 }, { _lctype: -5, _lctext: 'Office', _lcloc: { latitude: 39.9, longitude: 116.4 } }],
	])('rich content: %s is serialised into the _lctype format', async (_name, fields, expected) => {
		api()
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', (body: { from_client: string; message: string }) => {
				expect(body.from_client).toBe('bot');
				expect(JSON.parse(body.message)).toEqual(expected);
				return true;
			})
			.reply(200, { result: { 'msg-id': 'm-3', timestamp: 1764064800000 } });
		const { error } = await runNode({ parameters: message('send', { fromClient: 'bot', contentType: 'rich', ...fields }) });
		expect(error).toBeUndefined();
	});

	test('a file URL is registered as a LeanCloud file first (by default), so the message carries its ID; the output carries the file', async () => {
		// Send's requests all use the Master Key, which file storage takes too.
		api()
			.post('/1.1/files', { name: 'report 1.pdf', url: 'https://f.example/docs/report%201.pdf', metaData: { __source: 'external', owner: 'unknown' } })
			.reply(201, { objectId: 'f1f1f1f1f1f1f1f1f1f1f1f1', createdAt: '2026-12-01T00:00:00.000Z' });
		api()
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', (body: { message: string }) => {
				expect(JSON.parse(body.message)).toEqual({
					_lctype: -6,
					_lcfile: { url: 'https://f.example/docs/report%201.pdf', objId: 'f1f1f1f1f1f1f1f1f1f1f1f1', metaData: { name: 'report 1.pdf', format: 'pdf' } },
				});
				return true;
			})
			.reply(200, { result: { 'msg-id': 'm-5', timestamp: 1764064800000 } });
		const { output, error } = await runNode({ parameters: message('send', { fromClient: 'bot', contentType: 'rich', messageType: 'file', fileUrl: 'https://f.example/docs/report%201.pdf' }) });
		expect(error).toBeUndefined();
		expect(output[0].json).toEqual({
			conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1',
			messageId: 'm-5',
			timestamp: 1764064800000,
			fromClient: 'bot',
			file: { objectId: 'f1f1f1f1f1f1f1f1f1f1f1f1', url: 'https://f.example/docs/report%201.pdf', name: 'report 1.pdf', format: 'pdf' },
		});
	});

	test('File Source "Binary Data": uploaded to file storage (token, provider, callback), then sent with its URL, ID, size and dimensions', async () => {
		const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000280000001e00806000000', 'hex');
		api()
			.post('/1.1/fileTokens', { name: 'shot.png', mime_type: 'image/png', metaData: { size: png.length, owner: 'unknown', _checksum: createHash('md5').update(png).digest('hex') } })
			.reply(200, { objectId: 'f2f2f2f2f2f2f2f2f2f2f2f2', url: 'https://files.example/k/shot.png', key: 'k/shot.png', token: 't', upload_url: 'https://s3.storage.test/put?sig=1', provider: 's3', mime_type: 'image/png' });
		fileHost('https://s3.storage.test', { badheaders: ['x-lc-id', 'x-lc-key', 'x-lc-sign'] }).put('/put').query({ sig: '1' }).reply(200, '');
		api().post('/1.1/fileCallback', { token: 't', result: true }).reply(200, {});
		api()
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', (body: { message: string }) => {
				expect(JSON.parse(body.message)).toEqual({
					_lctype: -2,
					_lctext: 'Screenshot',
					_lcfile: { url: 'https://files.example/k/shot.png', objId: 'f2f2f2f2f2f2f2f2f2f2f2f2', metaData: { name: 'shot.png', format: 'png', size: png.length, width: 640, height: 480 } },
				});
				return true;
			})
			.reply(200, { result: { 'msg-id': 'm-6', timestamp: 1764064800000 } });
		const { output, error } = await runNode({
			parameters: message('send', { fromClient: 'bot', contentType: 'rich', messageType: 'image', richText: 'Screenshot', fileSource: 'binaryData' }),
			items: [{ $binary: { data: { base64: png.toString('base64'), fileName: 'shot.png', mimeType: 'image/png' } } }],
		});
		expect(error).toBeUndefined();
		expect(output[0].json.file).toEqual({ objectId: 'f2f2f2f2f2f2f2f2f2f2f2f2', url: 'https://files.example/k/shot.png', name: 'shot.png', format: 'png', mimeType: 'image/png', size: png.length, width: 640, height: 480 });
	});

	test('a message refused after its file was stored names the message as the failing step', async () => {
		api().post('/1.1/files').reply(201, { objectId: 'f3f3f3f3f3f3f3f3f3f3f3f3', createdAt: '2026-12-01T00:00:00.000Z' });
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages').reply(400, { code: 4315, error: 'The client is silenced.' });
		const { error } = await runNode({ parameters: message('send', { fromClient: 'bot', contentType: 'rich', messageType: 'image', fileUrl: 'https://f.example/a.png' }) });
		expect(error?.message).toBe('LeanCloud (message): The client is silenced. [HTTP 400, code 4315]');
		expect(error?.description).toBe('The sender is temporarily muted in this conversation.');
	});

	test('File Source "Binary Data" without the binary field fails before anything is sent', async () => {
		const { error } = await runNode({ parameters: message('send', { fromClient: 'bot', contentType: 'rich', messageType: 'image', fileSource: 'binaryData' }) });
		expect(error?.message).toBe('"Input Binary Field" names no binary data of this item ("data") [item 0]');
	});

	test('raw JSON content is sent as JSON text', async () => {
		api()
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: '{"_lctype":1,"card":{"title":"Order"}}' })
			.reply(200, { result: { 'msg-id': 'm-4', timestamp: 1764064800000 } });
		const { error } = await runNode({
			parameters: message('send', { fromClient: 'bot', contentType: 'json', contentJson: '{"_lctype": 1, "card": {"title": "Order"}}' }),
		});
		expect(error).toBeUndefined();
	});

	test('content of exactly 5 KB is accepted', async () => {
		const text = 'é'.repeat(2560); // 2 bytes each in UTF-8
		api().post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: text }).reply(200, { result: { 'msg-id': 'm', timestamp: 1764064800000 } });
		const { error } = await runNode({ parameters: message('send', { fromClient: 'bot', text }) });
		expect(error).toBeUndefined();
	});
});

describe('Message > Update', () => {
	test('sends PUT /messages/{id} with sender, new content and the original timestamp', async () => {
		api()
			.put('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages/m-1', { from_client: 'bot', message: 'Edited', timestamp: 1764064800123 })
			.reply(200, {});
		const { output } = await runNode({ parameters: message('update', { ...reference, text: 'Edited' }) });
		expect(output).toEqual([{ json: { conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', ...reference, updated: true }, pairedItem: { item: 0 } }]);
	});
});

describe('Message > Recall', () => {
	test('sends PUT /messages/{id}/recall with sender and timestamp', async () => {
		api().put('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages/m-1/recall', { from_client: 'bot', timestamp: 1764064800123 }).reply(200, {});
		const { output } = await runNode({ parameters: message('recall', reference) });
		expect(output).toEqual([{ json: { conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1', ...reference, recalled: true }, pairedItem: { item: 0 } }]);
	});
});

describe('Message > Delete', () => {
	test('sends DELETE /messages/{id} with sender and timestamp in the query', async () => {
		api().delete('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages/m-1').query({ from_client: 'bot', timestamp: '1764064800123' }).reply(200, {});
		const { output } = await runNode({ parameters: message('delete', reference) });
		expect(output).toEqual([{ json: { deleted: true }, pairedItem: { item: 0 } }]);
	});
});

describe('Message > Get Many', () => {
	const record = (n: number) => ({
		timestamp: 1764064800000 - n * 1000,
		'conv-id': 'c1c1c1c1c1c1c1c1c1c1c1c1',
		data: n === 0 ? '{"_lctype":-2,"_lctext":"pic","_lcfile":{"url":"https://f.example/p.png"}}' : `text ${n}`,
		from: 'alice',
		'msg-id': `m${n}`,
		'is-conv': true,
		'from-ip': '10.0.0.1',
	});
	const records = (from: number, count: number) => Array.from({ length: count }, (_, index) => record(from + index));

	test('Return All pages newest first by the last record\'s timestamp and msgid, until a short page', async () => {
		api()
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages')
			.query({ limit: '1000' })
			.reply(200, records(0, 1000))
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages')
			.query({ limit: '1000', timestamp: String(record(999).timestamp), msgid: 'm999' })
			.reply(200, records(1000, 2));

		const { output } = await runNode({ parameters: message('getAll', { returnAll: true }) });

		expect(output).toHaveLength(1002);
		expect(output[0]).toEqual({
			json: {
				timestamp: 1764064800000,
				conversationId: 'c1c1c1c1c1c1c1c1c1c1c1c1',
				content: '{"_lctype":-2,"_lctext":"pic","_lcfile":{"url":"https://f.example/p.png"}}',
				fromClient: 'alice',
				messageId: 'm0',
				isConv: true,
				fromIp: '10.0.0.1',
				contentType: 'image',
				text: 'pic',
				fileUrl: 'https://f.example/p.png',
			},
			pairedItem: { item: 0 },
		});
		expect(output[1001].json.messageId).toBe('m1001');
	});

	test('Limit, Oldest First and a time window map to reversed, timestamp and till_timestamp', async () => {
		const after = Date.parse('2026-11-01T00:00:00.000Z');
		const before = Date.parse('2026-11-02T00:00:00.000Z');
		api()
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages')
			.query({ limit: '2', reversed: 'true', timestamp: String(after), till_timestamp: String(before) })
			.reply(200, records(0, 2));
		const { output } = await runNode({
			parameters: message('getAll', {
				limit: 2,
				simplify: false,
				options: { order: 'oldestFirst', after: '2026-11-01T00:00:00.000Z', before: '2026-11-02T00:00:00.000Z' },
			}),
		});
		expect(output.map((item) => item.json)).toEqual(records(0, 2));
	});

	test('Newest First puts Before as the start and After as the end', async () => {
		const after = Date.parse('2026-11-01T00:00:00.000Z');
		const before = Date.parse('2026-11-02T00:00:00.000Z');
		api()
			.get('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages')
			.query({ limit: '50', timestamp: String(before), till_timestamp: String(after) })
			.reply(200, []);
		const { output, error } = await runNode({
			parameters: message('getAll', { options: { after: '2026-11-01T00:00:00.000Z', before: '2026-11-02T00:00:00.000Z' } }),
		});
		expect(error).toBeUndefined();
		expect(output).toEqual([]);
	});
});

describe('Message > Send: LeanCloud counts push data towards the 5 KB limit', () => {
	// 1,012 bytes of push data as JSON text: {"alert":"xxx…"} with 1,000 x.
	const push = { alert: 'x'.repeat(1000) };

	test('a 5,000-byte text with 1,012 bytes of push data is refused before sending, naming both and the total', async () => {
		const { error } = await runNode({ parameters: message('send', { fromClient: 'bot', text: 'y'.repeat(5000), options: { pushData: JSON.stringify(push) } }) });
		expect(error?.message).toBe(
			'"Options > Push Data (JSON)" and "Text" together make 6,012 bytes (5,000 of content and 1,012 of push data); LeanCloud counts push data towards the message\'s limit of 5,120 bytes (5 KB) [item 0]',
		);
		expect(error?.description).toBe('Shorten the content or the push data.');
	});

	test('exactly 5,120 bytes together are sent', async () => {
		api()
			.post('/1.2/rtm/conversations/c1c1c1c1c1c1c1c1c1c1c1c1/messages', { from_client: 'bot', message: 'y'.repeat(4108), push_data: push })
			.reply(200, { result: { 'msg-id': 'm-1', timestamp: 1764064800123 } });
		const { output } = await runNode({ parameters: message('send', { fromClient: 'bot', text: 'y'.repeat(4108), options: { pushData: JSON.stringify(push) } }) });
		expect(output[0].json.messageId).toBe('m-1');
	});

	test('a broadcast\'s push counts too', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'broadcast',
				operation: 'send',
				conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'),
				fromClient: 'bot',
				text: 'y'.repeat(5000),
				options: { push: JSON.stringify(push) },
			},
		});
		expect(error?.message).toBe(
			'"Options > Push Data (JSON)" and "Text" together make 6,012 bytes (5,000 of content and 1,012 of push data); LeanCloud counts push data towards the message\'s limit of 5,120 bytes (5 KB) [item 0]',
		);
	});
});

describe('one client ID where one is expected', () => {
	test('"tom,jerry" in From Client ID is refused, pointing to the operations that take a list', async () => {
		const { error } = await runNode({ parameters: message('send', { fromClient: 'tom,jerry', text: 'Hi' }) });
		expect(error?.message).toBe('"From Client ID" takes one client ID, got "tom,jerry" [item 0]');
		expect(error?.description).toContain('Mute > Add with Mute Type Permanent');
	});

	test('characters LeanCloud does not allow in client IDs are refused', async () => {
		const { error } = await runNode({ parameters: message('send', { fromClient: 'tom@example.com', text: 'Hi' }) });
		expect(error?.message).toBe('"From Client ID" "tom@example.com" is not a client ID: use letters, digits, _ and - only [item 0]');
	});
});

describe('service conversation limits are checked before anything is sent', () => {
	const SVC_ID = 'd1d1d1d1d1d1d1d1d1d1d1d1';
	test.each([
		['a send with no recipients', { operation: 'send', fromClient: 'acme', toClients: '={{ "" }}', text: 'Hi' }, '"Recipients" needs at least one client ID [item 0]'],
		['a send to 21 recipients', { operation: 'send', fromClient: 'acme', toClients: Array.from({ length: 21 }, (_, i) => `u${i}`).join(','), text: 'Hi' }, '"Recipients" has 21 client IDs; LeanCloud accepts at most 20 [item 0]'],
		['a delete with no subscriber', { operation: 'delete', subscriberId: '={{ "" }}', messageId: 'm1', timestamp: 1764064800123, fromClient: 'acme' }, '"Subscriber Client ID" is empty [item 0]'],
	])('%s', async (_name, fields, text) => {
		const unmatched = recordUnmatched();
		const { error } = await runNode({
			parameters: { resource: 'message', conversationType: 'serviceConversation', conversationId: byId(SVC_ID), ...fields },
		});
		unmatched.stop();
		expect(error?.message).toBe(text);
		expect(unmatched.requests).toEqual([]);
	});
});
