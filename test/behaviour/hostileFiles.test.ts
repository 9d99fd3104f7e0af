/**
 * Files are a client's choice: any app user can post a file message whose URL points into the operator's network, or
 * at a host that never answers. Downloads (the trigger, history Get Many) and uploads (the storage URL LeanCloud
 * returns) reach only the public internet, checked on the address actually connected to; a client's file cannot stop
 * the trigger; and one run's downloads have a total. Loopback servers play the internal services, and the tests'
 * resolver (harness/resolver.cjs) plays names that point inward or change their answer: nothing leaves this machine.
 */
import type { IDataObject } from 'n8n-workflow';
import nock from 'nock';

import { downloadBudgetMs } from '../../nodes/LeanCloudImTrigger/files';
import { blockedReason, parseAddress } from '../../nodes/shared/transport/addresses';
import { destinationOf, reachOf } from '../../nodes/shared/transport/destination';
import { API_SERVER, defaultCredentials, runNode, runPoll } from '../../harness/runNode';
import { fileHost } from '../harness/fileHosts';
import { hostileServers } from '../harness/hostileServers';
import { api, byId, expectAllRequestsMade, resetNock } from '../harness/leancloud';
import { answerName, lookups, publicAddressOf } from '../harness/resolver.cjs';

const CONV = 'c1c1c1c1c1c1c1c1c1c1c1c1';
const T = Date.now() - 60_000;
const record = (id: string, timestamp: number, data: string) => ({ 'msg-id': id, timestamp, 'conv-id': CONV, from: 'mallory', data });
const image = (url: string) => JSON.stringify({ _lctype: -2, _lcfile: { url, metaData: { name: 'x.png' } } });
const standing = (): IDataObject => ({ 'node:LeanCloud IM Trigger': { cursor: { key: 'message:app', position: T, seen: [] } } });
const poll = (options: IDataObject = {}) => ({ event: 'newMessage', scope: 'app', options: { downloadFiles: true, ...options } });
const cursorOf = (staticData: IDataObject) => ((staticData['node:LeanCloud IM Trigger'] as IDataObject).cursor as IDataObject).position;

describe('addresses: every notation of a private address is judged by what it is', () => {
	test.each([
		['http://127.0.0.1/', 'loopback'],
		['http://2130706433/', 'loopback'],
		['http://0x7f.1/', 'loopback'],
		['http://127.1/', 'loopback'],
		['http://0177.0.0.1/', 'loopback'],
		['http://[::1]/', 'loopback'],
		['http://[::ffff:127.0.0.1]/', 'IPv4-mapped form of a loopback'],
		['http://[::127.0.0.1]/', 'IPv4-compatible form of a loopback'],
		['http://[64:ff9b::7f00:1]/', 'NAT64 form of a loopback'],
		['http://[2002:7f00:1::]/', '6to4 form of a loopback'],
		['http://10.0.0.1/', 'private address (10.0.0.0/8'],
		['http://172.31.255.255/', 'private address (172.16.0.0/12'],
		['http://192.168.1.1/', 'private address (192.168.0.0/16'],
		['http://0xa9.254.169.254/', 'link-local'],
		['http://100.64.0.1/', 'CGNAT'],
		['http://224.0.0.1/', 'multicast'],
		['http://0.0.0.0/', 'unspecified'],
		['http://0/', 'unspecified'],
		['http://255.255.255.255/', 'broadcast'],
		['http://[::]/', 'unspecified'],
		['http://[fd12:3456::1]/', 'unique-local'],
		['http://[fe80::1]/', 'link-local IPv6'],
		['http://[ff02::1]/', 'multicast IPv6'],
		['http://[::ffff:10.1.2.3]/', 'IPv4-mapped form of a private'],
	])('%s is %s', (url, reason) => {
		const bytes = parseAddress(new URL(url).hostname);
		expect(bytes).toBeDefined();
		expect(blockedReason(bytes as number[])).toContain(reason);
	});

	test.each(['93.184.216.34', '[2606:4700:4700::1111]', '[::ffff:8.8.8.8]', '1.1.1.1'])('%s is on the public internet', (host) => {
		expect(blockedReason(parseAddress(host) as number[])).toBeUndefined();
	});

	test('Allow Private Network Addresses opens RFC 1918, CGNAT and unique-local, never loopback or link-local', () => {
		const open = (host: string) => blockedReason(parseAddress(host) as number[], true);
		expect([open('10.0.0.1'), open('172.16.0.1'), open('192.168.0.1'), open('100.64.0.1'), open('[fd00::1]'), open('[::ffff:192.168.0.1]')]).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
		expect(open('127.0.0.1')).toContain('loopback');
		expect(open('169.254.169.254')).toContain('link-local');
		expect(open('[fe80::1]')).toContain('link-local');
	});

	test('a name is refused when any of its addresses is private; without a resolver (n8n 1.x) no name is reached', async () => {
		const reach = reachOf(API_SERVER, false);
		const resolver = async (name: string) => (name === 'mixed.test' ? ['93.184.216.34', '10.0.0.7'] : ['93.184.216.34']);
		await expect(destinationOf('https://mixed.test/a', reach, resolver, 'File download')).rejects.toThrow('Refused to reach mixed.test: it resolves to 10.0.0.7, a private address');
		await expect(destinationOf('https://cdn.test/a', reach, undefined, 'File download')).rejects.toThrow('this n8n version gives nodes no way to check');
		await expect(destinationOf('https://cdn.test:8443/a?b=1', reach, resolver, 'File download')).resolves.toEqual({
			url: 'https://93.184.216.34:8443/a?b=1',
			headers: { Host: 'cdn.test:8443' },
			servername: 'cdn.test',
		});
		await expect(destinationOf('https://user:pw@cdn.test/a', reach, resolver, 'File download')).rejects.toThrow('must not contain a user name or password');
		await expect(destinationOf('http://cdn.test/a', reach, resolver, 'File download')).rejects.toThrow('must use https:// (got http:)');
	});

	test('with the API Server on this machine (the sandbox), that host\'s files may be fetched over http, and no other loopback host', async () => {
		const reach = reachOf('http://127.0.0.1:3000', false);
		await expect(destinationOf('http://127.0.0.1:4567/files/a.png', reach, undefined, 'File download')).resolves.toEqual({ url: 'http://127.0.0.1:4567/files/a.png', headers: {} });
		await expect(destinationOf('http://localhost:4567/a', reach, undefined, 'File download')).rejects.toThrow('must use https://');
		await expect(destinationOf('https://localhost:4567/a', reach, undefined, 'File download')).rejects.toThrow('the name means this machine');
		await expect(destinationOf('https://127.0.0.2/a', reach, undefined, 'File download')).rejects.toThrow('Refused to reach 127.0.0.2: it is a loopback address');
	});
});

describe('downloads reach no internal address, in any notation, and open no connection to one', () => {
	beforeEach(resetNock);
	afterEach(expectAllRequestsMade);
	const serve = hostileServers();

	test('the trigger: each such file message says why in downloadError, the poll goes on, and the internal server saw nothing', async () => {
		const internal = await serve((_req, res) => res.end('the internal admin page'));
		const port = internal.port;
		answerName('inward.files.test', ['127.0.0.1']);
		answerName('metadata.files.test', ['169.254.169.254']);
		const urls = [
			`http://127.0.0.1:${port}/secret`,
			`https://127.0.0.1:${port}/secret`,
			`https://localhost:${port}/secret`,
			`https://2130706433:${port}/secret`,
			`https://0x7f.1:${port}/secret`,
			`https://127.1:${port}/secret`,
			`https://0177.0.0.1:${port}/secret`,
			`https://[::ffff:127.0.0.1]:${port}/secret`,
			`https://[::1]:${port}/secret`,
			`https://inward.files.test:${port}/secret`,
			'https://metadata.files.test/latest/meta-data/',
			'https://10.0.0.7/x',
			'javascript:alert(1)',
			'file:///etc/passwd',
		];
		api()
			.get('/1.2/rtm/messages')
			.query(true)
			.reply(200, urls.map((url, index) => record(`m${index}`, T + 1 + index, image(url))));
		const staticData = standing();
		const items = (await runPoll({ parameters: poll(), staticData }))?.[0] ?? [];
		expect(items).toHaveLength(urls.length);
		const errors = items.map((item) => String(item.json.downloadError));
		expect(errors.slice(0, 1)).toEqual([expect.stringContaining('must use https:// (got http:)')]);
		expect(errors.slice(1, 9)).toEqual(new Array(8).fill(expect.stringMatching(/Refused to reach (127\.0\.0\.1|localhost|\[::ffff:7f00:1\]|\[::1\]): (it is|the name means).*(loopback|this machine)/)));
		expect(errors[9]).toContain('Refused to reach inward.files.test: it resolves to 127.0.0.1, a loopback address');
		expect(errors[10]).toContain('Refused to reach metadata.files.test: it resolves to 169.254.169.254, a link-local address');
		expect(errors[11]).toContain('Refused to reach 10.0.0.7: it is a private address (10.0.0.0/8, RFC 1918)');
		expect(errors.slice(12)).toEqual([expect.stringContaining('must use https:// (got javascript:)'), expect.stringContaining('must use https:// (got file:)')]);
		expect(items.every((item) => item.binary === undefined)).toBe(true);
		expect(internal.connections).toBe(0);
		expect(cursorOf(staticData)).toBe(T + urls.length);
	});

	test('a name that answers a public address, then loopback, is looked up once and the request goes to the address checked', async () => {
		const internal = await serve((_req, res) => res.end('the internal admin page'));
		const answers = [['93.184.216.77'], ['127.0.0.1']];
		answerName('rebind.files.test', () => answers.shift() ?? ['127.0.0.1']);
		api()
			.get(`/1.2/rtm/conversations/${CONV}/messages`)
			.query({ limit: 10 })
			.reply(200, [record('m1', 1, image(`https://rebind.files.test:${internal.port}/a.png`))]);
		nock(`https://93.184.216.77:${internal.port}`, { reqheaders: { host: `rebind.files.test:${internal.port}` } })
			.get('/a.png')
			.reply(200, Buffer.from('public bytes'), { 'Content-Type': 'image/png' });
		const { output, error } = await runNode({ parameters: { resource: 'message', operation: 'getAll', conversationId: byId(CONV), limit: 10, options: { downloadFiles: true } } });
		expect(error).toBeUndefined();
		expect(Buffer.from(String(output[0].binary?.data.data), 'base64').toString()).toBe('public bytes');
		expect(lookups).toEqual(['rebind.files.test']);
		expect(internal.connections).toBe(0);
	});

	test('history Get Many: a file on a private address fails the item naming the host and why (Continue On Fail: one error item)', async () => {
		api()
			.get(`/1.2/rtm/conversations/${CONV}/messages`)
			.query({ limit: 10 })
			.reply(200, [record('m1', 1, image('https://192.168.0.10/nas/a.png'))]);
		const { output } = await runNode({
			parameters: { resource: 'message', operation: 'getAll', conversationId: byId(CONV), limit: 10, options: { downloadFiles: true } },
			continueOnFail: true,
		});
		expect(output.map((item) => [item.pairedItem, item.json.error])).toEqual([
			[{ item: 0 }, 'File download (192.168.0.10): Refused to reach 192.168.0.10: it is a private address (192.168.0.0/16, RFC 1918)'],
		]);
	});

	test('with Allow Private Network Addresses, storage on a private network is reached (loopback still is not)', async () => {
		api()
			.get(`/1.2/rtm/conversations/${CONV}/messages`)
			.query({ limit: 10 })
			.reply(200, [record('m2', 2, image('https://10.1.2.3/nas/a.png')), record('m1', 1, image('https://127.0.0.1/a.png'))]);
		nock('https://10.1.2.3').get('/nas/a.png').reply(200, Buffer.from('on the NAS'), { 'Content-Type': 'image/png' });
		const { output } = await runNode({
			parameters: { resource: 'message', operation: 'getAll', conversationId: byId(CONV), limit: 10, options: { downloadFiles: true } },
			credentials: { ...defaultCredentials, allowPrivateNetworks: true },
			continueOnFail: true,
		});
		expect(output.map((item) => item.json.error)).toEqual(['File download (127.0.0.1): Refused to reach 127.0.0.1: it is a loopback address (127.0.0.0/8): this machine']);
	});
});

describe('uploads go to no internal address either (the storage URL comes from the API Server\'s answer)', () => {
	beforeEach(resetNock);
	afterEach(expectAllRequestsMade);
	const serve = hostileServers();

	test('an upload URL on loopback fails the item before any byte moves, and the callback says false', async () => {
		const internal = await serve((_req, res) => res.end('{}'));
		api('app')
			.post('/1.1/fileTokens')
			.reply(200, { objectId: 'f1', url: 'https://files.test/k', key: 'k', token: 't', upload_url: `https://127.0.0.1:${internal.port}/upload`, provider: 'qiniu', mime_type: 'image/png' });
		api('app').post('/1.1/fileCallback', { token: 't', result: false }).reply(200, {});
		const { output } = await runNode({
			parameters: { resource: 'file', operation: 'upload', binaryPropertyName: 'data' },
			items: [{ $binary: { data: { base64: Buffer.from('png').toString('base64'), fileName: 'a.png', mimeType: 'image/png' } } }],
			continueOnFail: true,
		});
		expect(output[0].json.error).toBe('Qiniu (file upload): Refused to reach 127.0.0.1: it is a loopback address (127.0.0.0/8): this machine');
		expect(internal.connections).toBe(0);
	});
});

describe('a client\'s file cannot stop the trigger', () => {
	const serve = hostileServers();

	test('2 tarpit files among 100 messages: the first poll reports all 102, only those 2 with downloadError, and the next starts after them', async () => {
		const history: IDataObject[] = [];
		const queries: string[] = [];
		// The API Server on this machine (as the sandbox is), so its own host's files may be fetched: the tarpit is there.
		const server = await serve((req, res) => {
			const url = new URL(req.url ?? '/', 'http://x');
			if (url.pathname === '/tarpit.png') return; // never answers
			if (url.pathname === '/ok.png') {
				res.writeHead(200, { 'Content-Type': 'image/png' });
				res.end('ok');
				return;
			}
			queries.push(url.search);
			const from = Number(url.searchParams.get('timestamp'));
			res.writeHead(200, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify(history.filter((row) => Number(row.timestamp) > from || (url.searchParams.get('include_start') && Number(row.timestamp) === from))));
		});
		// 100 messages (every twentieth a file that downloads), and 2 whose files never answer among them.
		for (let index = 1; index <= 102; index++) {
			const data = index === 10 || index === 50 ? image(`${server.url}/tarpit.png`) : index % 20 === 0 ? image(`${server.url}/ok.png`) : `text ${index}`;
			history.push(record(`m${index}`, T + index, data));
		}
		const credentials = { ...defaultCredentials, apiServer: server.url };
		const staticData = standing();
		// Poll Timeout 10 s: the downloads share 5 s of it, which the two tarpits use up while the other files (in the
		// other lanes) take milliseconds: a margin no loaded machine closes.
		const items = (await runPoll({ parameters: poll({ pollTimeout: 10 }), staticData, credentials }))?.[0] ?? [];
		expect(items).toHaveLength(102);
		const failed = items.filter((item) => item.json.downloadError !== undefined);
		expect(failed.map((item) => item.json.messageId)).toEqual(['m10', 'm50']);
		expect(String(failed[1].json.downloadError)).toContain('this poll\'s downloads used their time (5 s, half of Options > Poll Timeout)');
		expect(items.filter((item) => item.binary?.data).map((item) => item.json.messageId)).toEqual(['m20', 'm40', 'm60', 'm80', 'm100']);
		expect(cursorOf(staticData)).toBe(T + 102);

		// The next poll reads on from there (its small overlap is deduplicated): nothing is reported twice.
		const asked = queries.length;
		const next = await runPoll({ parameters: poll({ pollTimeout: 10 }), staticData, credentials });
		expect(next).toBeNull();
		expect(queries.length).toBeGreaterThan(asked);
		expect(cursorOf(staticData)).toBe(T + 102);
	});
});

test('the downloads\' budget: half the Poll Timeout, never past the time the poll has left (a tenth kept for its end)', () => {
	expect([downloadBudgetMs(50_000, 1_000), downloadBudgetMs(50_000, 30_000), downloadBudgetMs(50_000, 49_000)]).toEqual([25_000, 15_000, 0]);
});

describe('one run\'s downloads have a total (Options > Max Total Size)', () => {
	beforeEach(resetNock);
	afterEach(expectAllRequestsMade);
	const eight = () => Array.from({ length: 8 }, (_, index) => record(`m${index + 1}`, T + index + 1, image(`https://cdn.files.test/${index + 1}.png`)));

	test('the trigger: eight 900 KB files under a 1 MB cap and a 2 MB total: two are kept, the rest say why, all eight reported', async () => {
		api().get('/1.2/rtm/messages').query(true).reply(200, eight());
		// Files are fetched a few at a time, so which ones a host answers first decides which two are kept.
		fileHost('https://cdn.files.test')
			.get(/^\/\d\.png$/)
			.times(8)
			.optionally()
			.reply(200, Buffer.alloc(900 * 1024));
		const items = (await runPoll({ parameters: poll({ maxFileSize: 1, maxTotalSize: 2 }), staticData: standing() }))?.[0] ?? [];
		expect(items.map((item) => item.json.messageId)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7', 'm8']);
		expect(items.filter((item) => item.binary?.data)).toHaveLength(2);
		const errors = items.map((item) => item.json.downloadError).filter((error) => error !== undefined);
		expect(errors).toHaveLength(6);
		for (const error of errors) expect(String(error)).toMatch(/^File download \(cdn\.files\.test\): (Not kept: with the files downloaded beside it, this run would pass Max Total Size \(2 MB\)|The file is larger than what is left of Max Total Size \(0\.242 MB of 2 MB\); it was not kept|Not fetched: the files already downloaded in this run reached Max Total Size \(2 MB\))$/);
	});

	test('Max File Size and Max Total Size refuse values past their realistic bounds, naming the option', async () => {
		const { error } = await runNode({
			parameters: { resource: 'message', operation: 'getAll', conversationId: byId(CONV), limit: 10, options: { downloadFiles: true, maxFileSize: '={{ 10000 }}' } },
		});
		expect(error?.message).toBe('"Options > Max File Size (MB)" must be between 0.001 and 1024, got 10000 [item 0]');
		expect(publicAddressOf('cdn.files.test')).toMatch(/^93\.184\.216\./);
	});
});
