/**
 * What a message carries is handed to every member's app: a file source is an http(s) URL and nothing else, a file's
 * type comes from its name when the binary data has none, the 5 KB limit is checked with the real file name before a
 * byte is uploaded (naming the field that makes it too big), and Rewrite Text changes the text and nothing else.
 */
import type { IDataObject } from 'n8n-workflow';

import { replaceText } from '../../nodes/shared/messages/replaceText';
import { runNode } from '../../harness/runNode';
import { fileHost } from '../harness/fileHosts';
import { api, byId, expectAllRequestsMade, recordUnmatched, resetNock } from '../harness/leancloud';

const CONV = 'c1c1c1c1c1c1c1c1c1c1c1c1';
const SVC = 'c2c2c2c2c2c2c2c2c2c2c2c2';
const png = (fileName: string, mimeType?: string) => ({ $binary: { data: { base64: Buffer.from('89504e47', 'hex').toString('base64'), fileName, ...(mimeType ? { mimeType } : {}) } } });

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

describe('a file source is an http(s) URL, everywhere one is taken, with one message', () => {
	const richUrl = (url: string, registerUrl: boolean) => ({ contentType: 'rich', messageType: 'file', fileSource: 'url', fileUrl: url, registerUrl });
	const places: Array<[string, (url: string) => IDataObject]> = [
		['Message > Send (registered)', (url) => ({ resource: 'message', operation: 'send', conversationId: byId(CONV), fromClient: 'bot', ...richUrl(url, true) })],
		['Message > Send (not registered)', (url) => ({ resource: 'message', operation: 'send', conversationId: byId(CONV), fromClient: 'bot', ...richUrl(url, false) })],
		['Message > Update', (url) => ({ resource: 'message', operation: 'update', conversationId: byId(CONV), messageId: 'm1', timestamp: 1764064800123, fromClient: 'bot', ...richUrl(url, false) })],
		['Broadcast > Send', (url) => ({ resource: 'broadcast', operation: 'send', audience: 'everyone', conversationId: byId(SVC), fromClient: 'acme', ...richUrl(url, true) })],
		['File > Create From URL', (url) => ({ resource: 'file', operation: 'createFromUrl', fileUrl: url })],
	];
	test.each(places.flatMap(([place, parameters]) => ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,<b>x</b>'].map((url) => [place, url, parameters] as const)))(
		'%s refuses %s before anything is sent',
		async (_place, url, parameters) => {
			const unmatched = recordUnmatched();
			const { error } = await runNode({ parameters: parameters(url) as never });
			unmatched.stop();
			const scheme = new URL(url).protocol;
			expect(error?.message).toBe(`"File URL" must be an http:// or https:// address (got ${scheme}) [item 0]`);
			expect(unmatched.requests).toEqual([]);
		},
	);
});

describe('a file\'s type, when the binary data has none, comes from its name', () => {
	const token = { objectId: 'f1f1f1f1f1f1f1f1f1f1f1f1', url: 'https://files.example/k/x', key: 'k/x', token: 't', upload_url: 'https://upload.storage.test/qiniu', provider: 'qiniu' };
	test.each([
		['untyped.png', undefined, 'image/png'],
		['clip.MP4', 'application/octet-stream', 'video/mp4'],
		['voice.amr', undefined, 'audio/amr'],
		['typed.bin', 'image/webp', 'image/webp'],
	])('%s (binary type %s) is stored as %s', async (fileName, binaryType, expected) => {
		api('app')
			.post('/1.1/fileTokens', (body: IDataObject) => body.name === fileName && body.mime_type === expected)
			.reply(200, { ...token, mime_type: expected });
		fileHost('https://upload.storage.test').post('/qiniu').reply(200, {});
		api('app').post('/1.1/fileCallback', { token: 't', result: true }).reply(200, {});
		const { error } = await runNode({ parameters: { resource: 'file', operation: 'upload', binaryPropertyName: 'data' }, items: [png(fileName, binaryType)] });
		expect(error).toBeUndefined();
	});
	test('a name whose type nobody knows sends no type: LeanCloud derives it', async () => {
		api('app')
			.post('/1.1/fileTokens', (body: IDataObject) => body.name === 'notes.xyz' && !('mime_type' in body))
			.reply(200, { ...token, mime_type: '' });
		fileHost('https://upload.storage.test').post('/qiniu').reply(200, {});
		api('app').post('/1.1/fileCallback', { token: 't', result: true }).reply(200, {});
		const { output, error } = await runNode({ parameters: { resource: 'file', operation: 'upload', binaryPropertyName: 'data' }, items: [png('notes.xyz')] });
		expect(error).toBeUndefined();
		expect(output[0].json.mimeType).toBe(''); // what LeanCloud answered it derived (nothing, here)
	});
});

describe('the 5 KB limit is checked with the real file name, before any byte is uploaded', () => {
	const imageFrom = (fields: IDataObject = {}) => ({ resource: 'message', operation: 'send', conversationId: byId(CONV), fromClient: 'bot', contentType: 'rich', messageType: 'image', fileSource: 'binaryData', ...fields });
	test('a 3,000-character file name: the item fails naming where the name comes from (Input Binary Field), nothing is uploaded', async () => {
		const unmatched = recordUnmatched();
		const { error } = await runNode({ parameters: imageFrom(), items: [png(`${'n'.repeat(2996)}.png`, 'image/png')] });
		unmatched.stop();
		expect(error?.message).toMatch(
			/^"Input Binary Field" makes the message 6,\d{3} bytes \(its file name \(3,000 characters, in the file's URL too\): 6,002 bytes\); LeanCloud accepts at most 5,120 \(5 KB\) \[item 0\]$/,
		);
		expect(unmatched.requests).toEqual([]);
	});
	test('a File Name given in the options is named as the field', async () => {
		const { error } = await runNode({ parameters: imageFrom({ richFields: { name: `${'n'.repeat(5200)}.png` } }), items: [png('a.png', 'image/png')] });
		expect(error?.message).toMatch(/^"Rich Message Fields > File Name" makes the message/);
	});
	test('a 253-byte name with a 4,750-byte caption: the caption is the larger part, and is named', async () => {
		const unmatched = recordUnmatched();
		const { error } = await runNode({ parameters: imageFrom({ richText: 'c'.repeat(4750) }), items: [png(`${'n'.repeat(249)}.png`, 'image/png')] });
		unmatched.stop();
		expect(error?.message).toMatch(/^"Text" makes the message 5,\d{3} bytes \(its text: 4,752 bytes\)/);
		expect(unmatched.requests).toEqual([]);
	});
	test('a URL file: its real address and name are counted too', async () => {
		const { error } = await runNode({
			parameters: { resource: 'message', operation: 'send', conversationId: byId(CONV), fromClient: 'bot', contentType: 'rich', messageType: 'file', fileSource: 'url', fileUrl: `https://f.example/${'p'.repeat(5200)}` },
		});
		expect(error?.message).toMatch(/^"File URL" makes the message/);
	});
});

describe('Rewrite Text changes only the text', () => {
	const rewrite = (original: string, text = 'new') =>
		runNode({ parameters: { resource: 'hookReply', operation: 'rewrite', text, originalContent: original } as never });

	test('numbers past 2^53, spacing, key order and escapes in the rest are passed on byte for byte', async () => {
		const original = '{"_lctype":-2, "_lcattrs":{"orderId":9007199254740993,"note":"caf\\u00e9"},"_lctext":"old text","_lcfile":{"url":"https://f.example/a.png"} }';
		const { output } = await rewrite(original);
		expect((output[0].json.hookReply as IDataObject).content).toBe(original.replace('"old text"', '"new"'));
	});
	test('a rich message without text gets one; plain text is replaced whole', async () => {
		expect(((await rewrite('{"_lctype":-2,"_lcfile":{"url":"https://f.example/a.png"}}')).output[0].json.hookReply as IDataObject).content).toBe(
			'{"_lctext":"new","_lctype":-2,"_lcfile":{"url":"https://f.example/a.png"}}',
		);
		expect(((await rewrite('call me 13800138000', 'call me ***')).output[0].json.hookReply as IDataObject).content).toBe('call me ***');
	});
	test('the scan: nested values, strings holding braces and quotes, duplicate keys (the last wins, as JSON.parse reads it)', () => {
		const original = '{"_lctype":-1,"a":[{"_lctext":"inner"},"}\\"{"],"_lctext":"first","b":{"c":[1,2,{"d":null}]},"_lctext":"last","e":true}';
		const rewritten = replaceText(original, 'x "quoted"');
		expect(rewritten).toBe(original.replace('"_lctext":"last"', '"_lctext":"x \\"quoted\\""'));
		expect(JSON.parse(rewritten)._lctext).toBe('x "quoted"');
		expect(replaceText('{"_lctype":-1}', 'y')).toBe('{"_lctext":"y","_lctype":-1}');
	});
});
