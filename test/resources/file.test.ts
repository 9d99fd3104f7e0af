/**
 * File: Upload (binary data -> upload token -> the storage provider -> fileCallback), Create From URL and Delete,
 * through the engine. The LeanCloud side through nock, checking every request exactly; the provider's host checked to
 * receive no LeanCloud header; and a round trip against the sandbox's storage (both providers, real sockets).
 */
import { createHash } from 'crypto';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { ROLE_HEADER } from '../../credentials/LeanCloudImApi.credentials';
import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { useFilesystemBinaryData } from '../harness/binaryMode.cjs';
import { api, expectAllRequestsMade, oid, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import { fileHost } from '../harness/fileHosts';

/** A PNG header (8-byte signature, IHDR of 3 x 2) and some bytes: enough for the size reader, and binary-unsafe as text. */
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452000000030000000208060000000000000000', 'hex'), Buffer.from([0, 255, 254, 13, 10, 0, 128])]);
const MD5 = createHash('md5').update(PNG).digest('hex');
const FILE_ID = oid('file');
const STORAGE = 'https://upload.storage.test';
const upload = (extra: IDataObject = {}): INodeParameters => ({ resource: 'file', operation: 'upload', ...extra }) as INodeParameters;
const withPng = (property = 'data', fileName = 'logo.png') => ({ $binary: { [property]: { base64: PNG.toString('base64'), fileName, mimeType: 'image/png' } } });

/** LeanCloud's fileTokens answer for `provider`, uploading to the test storage host. */
const tokenAnswer = (provider: string) => ({
	objectId: FILE_ID,
	createdAt: '2026-12-01T00:00:00.000Z',
	url: 'https://files.example/k1/logo.png',
	key: 'k1/logo.png',
	token: 'ak:sig:policy',
	upload_url: provider === 's3' ? `${STORAGE}/s3/k1/logo.png?X-Amz-Signature=abc` : `${STORAGE}/qiniu`,
	provider,
	bucket: 'bucket',
	mime_type: 'image/png',
});
const tokenRequest = { name: 'logo.png', mime_type: 'image/png', metaData: { size: PNG.length, owner: 'unknown', _checksum: MD5 } };
const stored = { objectId: FILE_ID, url: 'https://files.example/k1/logo.png', name: 'logo.png', mimeType: 'image/png', size: PNG.length, format: 'png', width: 3, height: 2 };

/** The storage host: it must get no LeanCloud header, key or signature. */
const storageHost = () => fileHost(STORAGE, { badheaders: ['x-lc-id', 'x-lc-key', 'x-lc-sign', ROLE_HEADER] });

describe('Upload through nock: every request exact', () => {
	beforeEach(resetNock);
	afterEach(expectAllRequestsMade);

	test('Qiniu: token (App Key), form upload with token, key and then the file, callback true; the output is the file', async () => {
		api('app').post('/1.1/fileTokens', tokenRequest).reply(200, tokenAnswer('qiniu'));
		let form = Buffer.alloc(0);
		let contentType = '';
		storageHost()
			.post('/qiniu')
			.reply(function reply(_uri, body) {
				contentType = String(this.req.headers['content-type']);
				form = Buffer.from(body as string, 'hex');
				return [200, { hash: 'h', key: 'k1/logo.png' }];
			});
		api('app').post('/1.1/fileCallback', { token: 'ak:sig:policy', result: true }).reply(200, {});
		const { output, error } = await runNode({ parameters: upload(), items: [withPng()] });
		expect(error).toBeUndefined();
		expect(output).toEqual([{ json: stored, pairedItem: { item: 0 } }]);
		const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(contentType)?.[1] as string;
		expect(boundary).toBeTruthy();
		const expected = Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="token"\r\n\r\nak:sig:policy\r\n--${boundary}\r\nContent-Disposition: form-data; name="key"\r\n\r\nk1/logo.png\r\n` +
					`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="logo.png"\r\nContent-Type: image/png\r\n\r\n`,
			),
			PNG,
			Buffer.from(`\r\n--${boundary}--\r\n`),
		]);
		expect(form.equals(expected)).toBe(true);
	});

	test('S3: a PUT of the raw bytes with the returned type, a length and the cache header', async () => {
		api('app').post('/1.1/fileTokens', tokenRequest).reply(200, tokenAnswer('s3'));
		storageHost()
			.put('/s3/k1/logo.png', (body: string) => Buffer.from(body, 'hex').equals(PNG))
			.query({ 'X-Amz-Signature': 'abc' })
			.matchHeader('content-type', 'image/png')
			.matchHeader('content-length', String(PNG.length))
			.matchHeader('cache-control', 'public, max-age=31536000')
			.reply(200, '');
		api('app').post('/1.1/fileCallback', { token: 'ak:sig:policy', result: true }).reply(200, {});
		const { output, error } = await runNode({ parameters: upload(), items: [withPng()] });
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json)).toEqual([stored]);
	});

	test('the file name and type can be overridden', async () => {
		api('app')
			.post('/1.1/fileTokens', { ...tokenRequest, name: 'brand.png', mime_type: 'image/x-custom' })
			.reply(200, { ...tokenAnswer('s3'), mime_type: 'image/x-custom' });
		storageHost().put('/s3/k1/logo.png').query(true).matchHeader('content-type', 'image/x-custom').reply(200, '');
		api('app').post('/1.1/fileCallback', { token: 'ak:sig:policy', result: true }).reply(200, {});
		const { output } = await runNode({ parameters: upload({ options: { fileName: 'brand.png', mimeType: 'image/x-custom' } }), items: [withPng()] });
		expect(output[0].json).toMatchObject({ name: 'brand.png', mimeType: 'image/x-custom' });
	});

	test('a failed callback does not fail the item', async () => {
		api('app').post('/1.1/fileTokens').reply(200, tokenAnswer('qiniu'));
		storageHost().post('/qiniu').reply(200, { hash: 'h', key: 'k1/logo.png' });
		api('app').post('/1.1/fileCallback').reply(500, { code: 1, error: 'Internal error.' });
		const { output, error } = await runNode({ parameters: upload(), items: [withPng()] });
		expect(error).toBeUndefined();
		expect(output[0].json.objectId).toBe(FILE_ID);
	});

	test.each([
		[401, { error: 'bad token' }, 'Qiniu (file upload): bad token [HTTP 401]'],
		[503, 'Service Unavailable', 'Qiniu (file upload): Service Unavailable [HTTP 503]'],
	])('an upload answered %s fails the item naming the step, and the callback says false', async (status, body, message) => {
		api('app').post('/1.1/fileTokens').reply(200, tokenAnswer('qiniu'));
		storageHost().post('/qiniu').reply(status, body);
		api('app').post('/1.1/fileCallback', { token: 'ak:sig:policy', result: false }).reply(200, {});
		const { output } = await runNode({ parameters: upload(), items: [withPng()], continueOnFail: true });
		expect(output.map((item) => item.json.error)).toEqual([message]);
	});

	test('a token refused fails the item naming the step; nothing reaches the storage host', async () => {
		api('app').post('/1.1/fileTokens').reply(401, { code: 401, error: 'Unauthorized.' });
		const { error } = await runNode({ parameters: upload(), items: [withPng()] });
		expect(error?.message).toBe('LeanCloud (file token): Unauthorized. [HTTP 401, code 401]');
	});

	test('a provider the node cannot upload to fails before any bytes move, and the callback says false', async () => {
		api('app').post('/1.1/fileTokens').reply(200, tokenAnswer('qcloud'));
		api('app').post('/1.1/fileCallback', { token: 'ak:sig:policy', result: false }).reply(200, {});
		const { error } = await runNode({ parameters: upload(), items: [withPng()] });
		expect(error?.message).toBe('LeanCloud (file token): The app stores files with "qcloud", which the node cannot upload to (it knows Qiniu and S3)');
	});

	test('a file over Max File Size, or a missing binary field, fails before anything is sent, naming the parameter and the item', async () => {
		const big = { $binary: { data: { base64: Buffer.alloc(2048, 7).toString('base64'), fileName: 'big.bin', mimeType: 'application/octet-stream' } } };
		const tooLarge = await runNode({ parameters: upload({ options: { maxFileSize: 0.001 } }), items: [big] });
		expect(tooLarge.error?.message).toBe('"Options > Max File Size (MB)" is 0.001 MB, and the file has 2.0 KB [item 0]');
		const missing = await runNode({ parameters: upload({ binaryPropertyName: 'photo' }), items: [withPng()] });
		expect(missing.error?.message).toBe('"Input Binary Field" names no binary data of this item ("photo") [item 0]');
	});

	test('Continue On Fail: one output per input, in order, the bad item not sent', async () => {
		api('app').post('/1.1/fileTokens').times(2).reply(200, tokenAnswer('s3'));
		storageHost().put('/s3/k1/logo.png').query(true).times(2).reply(200, '');
		api('app').post('/1.1/fileCallback').times(2).reply(200, {});
		const { output } = await runNode({ parameters: upload({ options: { concurrency: 1 } }), items: [withPng(), {}, withPng()], continueOnFail: true });
		expect(output.map((item) => [item.pairedItem, item.json.objectId ?? item.json.error])).toEqual([
			[{ item: 0 }, FILE_ID],
			[{ item: 1 }, '"Input Binary Field" names no binary data of this item ("data") [item 1]'],
			[{ item: 2 }, FILE_ID],
		]);
	});
});

describe('Create From URL and Delete through nock', () => {
	beforeEach(resetNock);
	afterEach(expectAllRequestsMade);

	test('Create From URL registers the URL (no bytes) with the name from the URL', async () => {
		api('app')
			.post('/1.1/files', { name: 'invoice 7.pdf', url: 'https://cdn.example/docs/invoice%207.pdf', metaData: { __source: 'external', owner: 'unknown' }, mime_type: 'application/pdf' })
			.reply(201, { objectId: FILE_ID, createdAt: '2026-12-01T00:00:00.000Z' });
		const { output, error } = await runNode({
			parameters: { resource: 'file', operation: 'createFromUrl', fileUrl: 'https://cdn.example/docs/invoice%207.pdf', options: { mimeType: 'application/pdf' } },
		});
		expect(error).toBeUndefined();
		expect(output.map((item) => item.json)).toEqual([
			{ objectId: FILE_ID, createdAt: '2026-12-01T00:00:00.000Z', url: 'https://cdn.example/docs/invoice%207.pdf', name: 'invoice 7.pdf', format: 'pdf', mimeType: 'application/pdf' },
		]);
	});

	test('Create From URL refuses what is not an http(s) address before sending', async () => {
		const { error } = await runNode({ parameters: { resource: 'file', operation: 'createFromUrl', fileUrl: 'file:///etc/passwd' } });
		expect(error?.message).toBe('"File URL" must be an http:// or https:// address (got file:) [item 0]');
	});

	test('Delete uses the Master Key and an encoded ID', async () => {
		api('master').delete(`/1.1/files/${FILE_ID}`).reply(200, {});
		const { output } = await runNode({ parameters: { resource: 'file', operation: 'delete', fileId: FILE_ID } });
		expect(output.map((item) => item.json)).toEqual([{ deleted: true, objectId: FILE_ID }]);
		api('master').delete('/1.1/files/..%2Fclasses%2F_User').reply(200, {});
		await runNode({ parameters: { resource: 'file', operation: 'delete', fileId: '../classes/_User' } });
	});
});

describe.each(['qiniu', 's3'])('a round trip through the sandbox\'s storage (%s)', (provider) => {
	let sandbox: Sandbox;
	beforeAll(async () => {
		nock.enableNetConnect('127.0.0.1');
		sandbox = await startSandbox({ fileProvider: provider });
	});
	afterAll(async () => {
		await sandbox.close();
		nock.disableNetConnect();
	});

	test('the stored bytes are the binary data\'s, the row is complete, and the storage host saw no LeanCloud header', async () => {
		const credentials = { appId: sandbox.appId, clientToken: sandbox.appKey, serverSecret: sandbox.masterKey, apiServer: sandbox.url, signRequests: true };
		const { output, error } = await runNode({ parameters: upload(), items: [withPng()], credentials });
		expect(error).toBeUndefined();
		const file = output[0].json;
		const row = sandbox.storage.files.get(String(file.objectId));
		expect(row?.state).toBe('uploaded');
		expect(row?.bytes?.equals(PNG)).toBe(true);
		expect(file.url).toBe(row?.url);
		expect(sandbox.storage.callbacks).toEqual([{ token: expect.any(String), result: true }]);
		expect(sandbox.storage.requests).toHaveLength(1);
		expect(Object.keys(sandbox.storage.requests[0].headers).filter((name) => name.startsWith('x-lc'))).toEqual([]);

		const deleted = await runNode({ parameters: { resource: 'file', operation: 'delete', fileId: file.objectId as string }, credentials });
		expect(deleted.error).toBeUndefined();
		expect(sandbox.storage.files.has(String(file.objectId))).toBe(false);
	});

	test('Message > Send with File Source "Binary Data": the stored message carries the uploaded file, whose bytes are the binary data\'s', async () => {
		const credentials = { appId: sandbox.appId, clientToken: sandbox.appKey, serverSecret: sandbox.masterKey, apiServer: sandbox.url, signRequests: true };
		const conversation = sandbox.store.createConversation({ name: 'files', m: ['bot', 'alice'] }).objectId;
		const { output, error } = await runNode({
			parameters: { resource: 'message', operation: 'send', conversationId: { __rl: true, mode: 'id', value: conversation }, fromClient: 'bot', contentType: 'rich', messageType: 'image', fileSource: 'binaryData' },
			items: [withPng()],
			credentials,
		});
		expect(error).toBeUndefined();
		const [record] = sandbox.store.messages.get(conversation) ?? [];
		const content = JSON.parse(record.data) as { _lctype: number; _lcfile: { url: string; objId: string; metaData: IDataObject } };
		expect(content._lctype).toBe(-2);
		expect(content._lcfile.objId).toBe(output[0].json.file && (output[0].json.file as IDataObject).objectId);
		expect(content._lcfile.metaData).toEqual({ name: 'logo.png', format: 'png', size: PNG.length, width: 3, height: 2 });
		expect(sandbox.storage.files.get(content._lcfile.objId)?.bytes?.equals(PNG)).toBe(true);
		expect(content._lcfile.url).toBe(sandbox.storage.files.get(content._lcfile.objId)?.url);
	});

	test('binary data n8n keeps on disk (filesystem mode) is streamed into the upload: the same bytes arrive', async () => {
		const credentials = { appId: sandbox.appId, clientToken: sandbox.appKey, serverSecret: sandbox.masterKey, apiServer: sandbox.url, signRequests: true };
		const restore = await useFilesystemBinaryData();
		try {
			const onDisk = { $binary: { data: { base64: PNG.toString('base64'), fileName: 'logo.png', mimeType: 'image/png', stored: true } } };
			const { output, error } = await runNode({ parameters: upload(), items: [onDisk], credentials });
			expect(error).toBeUndefined();
			expect(output[0].json).toMatchObject({ size: PNG.length, width: 3, height: 2 });
			expect(sandbox.storage.files.get(String(output[0].json.objectId))?.bytes?.equals(PNG)).toBe(true);
		} finally {
			restore();
		}
	});

	test('a refused upload (Qiniu 614: the key exists; S3 403) fails the item naming the step, and the callback removes the row', async () => {
		const credentials = { appId: sandbox.appId, clientToken: sandbox.appKey, serverSecret: sandbox.masterKey, apiServer: sandbox.url, signRequests: true };
		sandbox.storage.failNextUpload = provider === 'qiniu' ? { status: 614, body: { error: 'file exists' } } : { status: 403, body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>' };
		const before = sandbox.storage.files.size;
		const { error } = await runNode({ parameters: upload(), items: [withPng()], credentials });
		expect(error?.message).toBe(provider === 'qiniu' ? 'Qiniu (file upload): file exists [HTTP 614]' : 'S3 (file upload): AccessDenied: Access Denied [HTTP 403]');
		expect(sandbox.storage.callbacks.at(-1)).toEqual({ token: expect.any(String), result: false });
		expect(sandbox.storage.files.size).toBe(before);
	});
});
