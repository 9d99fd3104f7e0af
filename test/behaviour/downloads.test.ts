/**
 * Options > Download Files: a history Get Many and the trigger fetch the files of file messages as binary data, from
 * the file's host with no LeanCloud key, under the deadline, size cap and no-redirect rules; and a round trip through
 * the sandbox (sent from binary data, received back as binary data, the same bytes).
 */
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { ROLE_HEADER } from '../../credentials/LeanCloudImApi.credentials';
import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { api, byId, expectAllRequestsMade, resetNock } from '../harness/leancloud';
import { runNode, runPoll } from '../../harness/runNode';
import { fileHost } from '../harness/fileHosts';

const CONV = 'c1c1c1c1c1c1c1c1c1c1c1c1';
const CDN = 'https://cdn.files.test';
const BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255, 254]);
const record = (id: string, timestamp: number, data: string) => ({ 'msg-id': id, timestamp, 'conv-id': CONV, from: 'alice', data });
const image = (url: string, name?: string) => JSON.stringify({ _lctype: -2, _lcfile: { url, ...(name ? { metaData: { name } } : {}) } });
const history = (options: IDataObject = {}) => ({ resource: 'message', operation: 'getAll', conversationId: byId(CONV), limit: 10, options: { downloadFiles: true, ...options } });
/** The file's host: it must get no LeanCloud header, key or signature. */
const cdn = () => fileHost(CDN, { badheaders: ['x-lc-id', 'x-lc-key', 'x-lc-sign', ROLE_HEADER] });

describe('a history Get Many with Download Files', () => {
	beforeEach(resetNock);
	afterEach(expectAllRequestsMade);

	test('each file message gets its file as binary data (named, typed); other messages none', async () => {
		api().get(`/1.2/rtm/conversations/${CONV}/messages`).query({ limit: 10 }).reply(200, [record('m2', 2, image(`${CDN}/img/cat%201.png`)), record('m1', 1, 'plain text')]);
		cdn().get('/img/cat%201.png').reply(200, BYTES, { 'Content-Type': 'image/png' });
		const { output, error } = await runNode({ parameters: history() });
		expect(error).toBeUndefined();
		expect(output).toHaveLength(2);
		expect(output[0].binary?.data).toMatchObject({ fileName: 'cat 1.png', mimeType: 'image/png' });
		expect(Buffer.from(String(output[0].binary?.data.data), 'base64').equals(BYTES)).toBe(true);
		expect(output[1].binary).toBeUndefined();
	});

	test('Put File in Field names the binary field; the name from the message\'s metaData wins over the URL\'s', async () => {
		api().get(`/1.2/rtm/conversations/${CONV}/messages`).query({ limit: 10 }).reply(200, [record('m1', 1, image(`${CDN}/x`, 'invoice.pdf'))]);
		cdn().get('/x').reply(200, BYTES, { 'Content-Type': 'application/pdf' });
		const { output } = await runNode({ parameters: history({ binaryProperty: 'attachment' }) });
		expect(output[0].binary?.attachment).toMatchObject({ fileName: 'invoice.pdf', mimeType: 'application/pdf' });
	});

	test.each([
		['a 404', () => cdn().get('/a.png').reply(404, 'Not Found'), {}, 'File download (cdn.files.test): Not Found [HTTP 404]'],
		['a redirect', () => cdn().get('/a.png').reply(302, '', { Location: 'https://elsewhere.test/a.png' }), {}, 'File download (cdn.files.test): Answered with a redirect (HTTP 302), which is not followed [HTTP 302]'],
		[
			'a file over Max File Size',
			() => cdn().get('/a.png').reply(200, Buffer.alloc(2048)),
			{ maxFileSize: 0.001 },
			'File download (cdn.files.test): The file is larger than Max File Size (0.001 MB); it was not kept',
		],
	])('%s fails the input item with the host\'s answer (Continue On Fail: one error item)', async (_name, file, options, message) => {
		api().get(`/1.2/rtm/conversations/${CONV}/messages`).query({ limit: 10 }).reply(200, [record('m1', 1, image(`${CDN}/a.png`))]);
		file();
		const { output } = await runNode({ parameters: history(options), continueOnFail: true });
		expect(output.map((item) => [item.pairedItem, item.json.error])).toEqual([[{ item: 0 }, message]]);
	});
});

describe('the trigger with Download Files', () => {
	beforeEach(resetNock);
	afterEach(expectAllRequestsMade);
	const T = Date.now() - 60_000;
	const standing = (): IDataObject => ({ 'node:LeanCloud IM Trigger': { cursor: { key: 'message:app', position: T, seen: [] } } });

	test('a file that cannot be fetched does not stop the poll: its item says why, the others have their files, and the cursor moves', async () => {
		api()
			.get('/1.2/rtm/messages')
			.query(true)
			.reply(200, [record('m1', T + 1, image(`${CDN}/gone.png`)), record('m2', T + 2, image(`${CDN}/ok.png`))]);
		cdn().get('/gone.png').reply(404, 'Not Found');
		cdn().get('/ok.png').reply(200, BYTES, { 'Content-Type': 'image/png' });
		const staticData = standing();
		const result = await runPoll({ parameters: { event: 'newMessage', scope: 'app', options: { downloadFiles: true } }, staticData });
		const items = result?.[0] ?? [];
		expect(items.map((item) => [item.json.messageId, item.json.downloadError ?? null, Boolean(item.binary?.data)])).toEqual([
			['m1', 'File download (cdn.files.test): Not Found [HTTP 404]', false],
			['m2', null, true],
		]);
		expect(((staticData['node:LeanCloud IM Trigger'] as IDataObject).cursor as IDataObject).position).toBe(T + 2);
	});
});

describe('sent from binary data, received back as binary data, through the sandbox', () => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		sandbox = await startSandbox();
	});
	afterAll(async () => {
		await sandbox.close();
		nock.disableNetConnect();
	});

	test('the bytes the trigger and Get Many download are the bytes Send uploaded (hash compared)', async () => {
		const credentials = { appId: sandbox.appId, clientToken: sandbox.appKey, serverSecret: sandbox.masterKey, apiServer: sandbox.url, signRequests: true };
		const conversation = sandbox.store.createConversation({ name: 'files', m: ['bot'] }).objectId;
		const photo = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000010000000100806000000', 'hex'), Buffer.alloc(4096, 9)]);
		const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
		const staticData: IDataObject = { 'node:LeanCloud IM Trigger': { cursor: { key: 'message:app', position: Date.now() - 1_000, seen: [] } } };

		const sent = await runNode({
			parameters: { resource: 'message', operation: 'send', conversationId: byId(conversation), fromClient: 'bot', contentType: 'rich', messageType: 'image', fileSource: 'binaryData' },
			items: [{ $binary: { data: { base64: photo.toString('base64'), fileName: 'photo.png', mimeType: 'image/png' } } }],
			credentials,
		});
		expect(sent.error).toBeUndefined();

		const polled = await runPoll({ parameters: { event: 'newMessage', scope: 'app', options: { downloadFiles: true } }, staticData, credentials });
		const received = polled?.[0]?.[0];
		expect(received?.json.contentType).toBe('image');
		expect(received?.binary?.data).toMatchObject({ fileName: 'photo.png', mimeType: 'image/png' });
		expect(hash(Buffer.from(String(received?.binary?.data.data), 'base64'))).toBe(hash(photo));

		const listed = await runNode({ parameters: { resource: 'message', operation: 'getAll', conversationId: byId(conversation), limit: 1, options: { downloadFiles: true } }, credentials });
		expect(hash(Buffer.from(String(listed.output[0].binary?.data.data), 'base64'))).toBe(hash(photo));
	});
});
