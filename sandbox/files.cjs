'use strict';
// LeanCloud/TDS file storage as the official SDKs use it (../shared/leancloud-files.md): `POST /1.1/fileTokens` creates
// the `_File` row and hands out where to upload; the bytes go to a storage provider on another host (here: another
// port of this machine, so tests can prove that no LeanCloud header reaches it), which checks what the real ones check
// (Qiniu: the token's scope is that key, insert-only; S3: the Content-Type signed for, a Content-Length); then
// `POST /1.1/fileCallback` (false deletes the row). `POST /1.1/files` registers a file that stays at its own URL
// (external), `DELETE /1.1/files/{id}` removes one. The storage host serves uploaded bytes at the returned `url`.
const http = require('node:http');
const { createHash, randomBytes } = require('node:crypto');

const { ApiError } = require('./failures.cjs');

/** Largest upload the storage host takes (the benchmark sends 100 MB). */
const MAX_UPLOAD_BYTES = 256 * 1024 * 1024;
/** How long an upload token is good for, as in Qiniu tokens from LeanCloud (one hour). */
const TOKEN_TTL_MS = 3_600_000;
const BUCKET = 'sandbox-bucket';

/**
 * @typedef {object} FileRow
 * @property {string} objectId
 * @property {string} name
 * @property {string} url
 * @property {string} mime_type
 * @property {Record<string, unknown>} metaData
 * @property {string} [key] storage key (uploads only)
 * @property {string} [token]
 * @property {number} [expires] when the token stops being good
 * @property {'pending' | 'uploaded' | 'external'} state
 * @property {Buffer} [bytes]
 * @property {string} createdAt
 */

/** @param {number} length */
const randomId = (length) => randomBytes(length).toString('hex').slice(0, length);

class FileStorage {
	/**
	 * @param {'qiniu' | 's3' | string} provider what fileTokens answers as `provider` (any other value: for error tests)
	 * @param {() => number} now
	 */
	constructor(provider, now) {
		this.provider = provider;
		this.now = now;
		/** @type {Map<string, FileRow>} objectId -> row */
		this.files = new Map();
		/** Set when the storage host is listening. */
		this.baseUrl = '';
		/** Requests the storage host received (method, path, headers), for tests: no LeanCloud header may be among them. */
		/** @type {Array<{ method: string, path: string, headers: import('node:http').IncomingHttpHeaders }>} */
		this.requests = [];
		/** Callbacks received, in order. @type {Array<{ token: string, result: boolean }>} */
		this.callbacks = [];
		/** For tests: the next upload is answered this way instead (e.g. Qiniu's 614, which no mock library can send). */
		/** @type {{ status: number, body: unknown } | undefined} */
		this.failNextUpload = undefined;
	}

	/** @param {string} key */
	rowByKey(key) {
		return [...this.files.values()].find((row) => row.key === key);
	}

	/**
	 * `POST /1.1/fileTokens`: the row is created now; the answer says where to upload.
	 * @param {any} body
	 */
	createToken(body) {
		if (typeof body.name !== 'string' || body.name === '') throw new ApiError(400, 1, 'File name is required.');
		const objectId = randomId(24);
		const key = `${randomId(32)}/${body.name}`;
		const mimeType = typeof body.mime_type === 'string' && body.mime_type ? body.mime_type : 'application/octet-stream';
		const expires = this.now() + TOKEN_TTL_MS;
		const policy = Buffer.from(JSON.stringify({ scope: `${BUCKET}:${key}`, deadline: Math.floor(expires / 1000), insertOnly: 1 })).toString('base64url');
		const token = `sandbox-ak:${randomId(16)}:${policy}`;
		const url = `${this.baseUrl}/files/${encodeURI(key)}`;
		const createdAt = new Date(this.now()).toISOString();
		const metaData = typeof body.metaData === 'object' && body.metaData !== null ? body.metaData : {};
		this.files.set(objectId, { objectId, name: body.name, url, mime_type: mimeType, metaData, key, token, expires, state: 'pending', createdAt });
		const uploadUrl = this.provider === 's3' ? `${this.baseUrl}/s3/${encodeURI(key)}?X-Amz-Signature=${encodeURIComponent(token)}` : `${this.baseUrl}/qiniu`;
		return { objectId, createdAt, url, key, token, upload_url: uploadUrl, provider: this.provider, bucket: BUCKET, mime_type: mimeType, name: body.name, metaData };
	}

	/**
	 * `POST /1.1/fileCallback`: `false` deletes the row the token made.
	 * @param {any} body
	 */
	callback(body) {
		this.callbacks.push({ token: String(body.token), result: body.result === true });
		const row = [...this.files.values()].find((candidate) => candidate.token === body.token);
		if (row && body.result !== true) this.files.delete(row.objectId);
		return {};
	}

	/**
	 * `POST /1.1/files`: a file that stays at its own URL (LeanCloud stores the URL, never the bytes).
	 * @param {any} body
	 */
	createExternal(body) {
		if (typeof body.url !== 'string' || !/^https?:\/\//.test(body.url)) throw new ApiError(400, 1, 'A file URL is required.');
		const objectId = randomId(24);
		const createdAt = new Date(this.now()).toISOString();
		const metaData = typeof body.metaData === 'object' && body.metaData !== null ? body.metaData : {};
		const name = typeof body.name === 'string' ? body.name : '';
		this.files.set(objectId, { objectId, name, url: body.url, mime_type: String(body.mime_type ?? ''), metaData, state: 'external', createdAt });
		return { objectId, createdAt };
	}

	/** @param {string} objectId */
	remove(objectId) {
		if (!this.files.delete(objectId)) throw new ApiError(404, 101, 'File not found.');
		return {};
	}

	/**
	 * A Qiniu form upload: fields token, key, then file. 401 bad or expired token, 614 the key exists already.
	 * @param {Buffer} body
	 * @param {string | undefined} contentType
	 */
	qiniuUpload(body, contentType) {
		const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType ?? '');
		if (!boundary) return { status: 400, body: { error: 'multipart/form-data with a boundary is required' } };
		const parts = parseMultipart(body, boundary[1] ?? boundary[2]);
		const token = parts.find((part) => part.name === 'token')?.data.toString('utf8');
		const key = parts.find((part) => part.name === 'key')?.data.toString('utf8');
		const file = parts.find((part) => part.name === 'file');
		if (!file || parts[parts.length - 1] !== file) return { status: 400, body: { error: 'the file part must come last' } };
		const row = [...this.files.values()].find((candidate) => candidate.token === token);
		if (!row || (row.expires ?? 0) < this.now()) return { status: 401, body: { error: 'bad token' } };
		const scope = JSON.parse(Buffer.from(String(token).split(':')[2], 'base64url').toString('utf8')).scope;
		if (scope !== `${BUCKET}:${key}`) return { status: 401, body: { error: 'key does not match the token\'s scope' } };
		if (row.state === 'uploaded') return { status: 614, body: { error: 'file exists' } };
		row.bytes = file.data;
		row.state = 'uploaded';
		return { status: 200, body: { hash: createHash('md5').update(file.data).digest('hex'), key } };
	}

	/**
	 * An S3 pre-signed PUT: the Content-Type must be the one fileTokens answered, with a Content-Length.
	 * @param {string} key
	 * @param {string | null} signature
	 * @param {Buffer} body
	 * @param {import('node:http').IncomingHttpHeaders} headers
	 */
	s3Upload(key, signature, body, headers) {
		const row = this.rowByKey(key);
		if (!row || row.token !== signature || (row.expires ?? 0) < this.now()) return { status: 403, body: '<Error><Code>SignatureDoesNotMatch</Code></Error>' };
		if (headers['content-type'] !== row.mime_type) return { status: 403, body: '<Error><Code>SignatureDoesNotMatch</Code><Message>Content-Type</Message></Error>' };
		if (headers['content-length'] === undefined) return { status: 411, body: '<Error><Code>MissingContentLength</Code></Error>' };
		row.bytes = body;
		row.state = 'uploaded';
		return { status: 200, body: '' };
	}

	/**
	 * Starts the storage host (uploads, and the files at their URLs) on another port of `host`.
	 * @param {string} host
	 * @returns {Promise<() => Promise<void>>} close
	 */
	async listen(host) {
		const server = http.createServer((req, res) => {
			/** @type {Buffer[]} */
			const chunks = [];
			let size = 0;
			req.on('data', (/** @type {Buffer} */ chunk) => {
				size += chunk.length;
				if (size <= MAX_UPLOAD_BYTES) chunks.push(chunk);
			});
			req.on('end', () => {
				const url = new URL(req.url ?? '/', 'http://storage');
				this.requests.push({ method: req.method ?? '', path: url.pathname, headers: req.headers });
				/** @type {(status: number, body: unknown, type?: string) => void} */
				const answer = (status, body, type = 'application/json') => {
					res.writeHead(status, { 'Content-Type': type });
					res.end(Buffer.isBuffer(body) ? body : typeof body === 'string' ? body : JSON.stringify(body));
				};
				if (size > MAX_UPLOAD_BYTES) return answer(413, { error: 'too large' });
				const body = Buffer.concat(chunks);
				const failure = this.failNextUpload;
				if (failure && req.method !== 'GET') {
					this.failNextUpload = undefined;
					return answer(failure.status, failure.body);
				}
				if (req.method === 'POST' && url.pathname === '/qiniu') {
					const result = this.qiniuUpload(body, req.headers['content-type']);
					return answer(result.status, result.body);
				}
				if (req.method === 'PUT' && url.pathname.startsWith('/s3/')) {
					const result = this.s3Upload(decodeURI(url.pathname.slice(4)), url.searchParams.get('X-Amz-Signature'), body, req.headers);
					return answer(result.status, result.body, 'application/xml');
				}
				if (req.method === 'GET' && url.pathname.startsWith('/files/')) {
					const row = this.rowByKey(decodeURI(url.pathname.slice(7)));
					if (!row?.bytes) return answer(404, { error: 'Document not found' });
					return answer(200, row.bytes, row.mime_type);
				}
				return answer(404, { error: 'not found' });
			});
		});
		await new Promise((resolve) => server.listen(0, host, () => resolve(undefined)));
		const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
		this.baseUrl = `http://${host}:${port}`;
		return () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve());
			});
	}
}

/**
 * The parts of a multipart/form-data body: name, filename, content type and bytes.
 * @param {Buffer} body
 * @param {string} boundary
 */
function parseMultipart(body, boundary) {
	const delimiter = Buffer.from(`--${boundary}`);
	/** @type {Array<{ name: string, filename?: string, type?: string, data: Buffer }>} */
	const parts = [];
	let start = body.indexOf(delimiter);
	while (start !== -1) {
		const next = body.indexOf(delimiter, start + delimiter.length);
		if (next === -1) break;
		const part = body.subarray(start + delimiter.length + 2, next - 2); // CRLF after the delimiter, CRLF before the next
		const split = part.indexOf('\r\n\r\n');
		const head = part.subarray(0, split).toString('utf8');
		const name = /name="([^"]*)"/.exec(head)?.[1] ?? '';
		const filename = /filename="([^"]*)"/.exec(head)?.[1];
		const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1];
		parts.push({ name, filename, type, data: part.subarray(split + 4) });
		start = next;
	}
	return parts;
}

/**
 * The /1.1/ file routes, for the sandbox server: method, path after /1.1/, the key they need, and the handler.
 * @param {FileStorage} storage
 * @returns {Array<{ method: string, path: string, key: 'app' | 'master', handler: (body: any, id?: string) => { status?: number, body: unknown } }>}
 */
function fileRoutes(storage) {
	return [
		{ method: 'POST', path: 'fileTokens', key: 'app', handler: (body) => ({ body: storage.createToken(body) }) },
		{ method: 'POST', path: 'fileCallback', key: 'app', handler: (body) => ({ body: storage.callback(body) }) },
		{ method: 'POST', path: 'files', key: 'app', handler: (body) => ({ status: 201, body: storage.createExternal(body) }) },
		{ method: 'DELETE', path: 'files/:id', key: 'master', handler: (_body, id) => ({ body: storage.remove(String(id)) }) },
	];
}

module.exports = { FileStorage, fileRoutes, parseMultipart, MAX_UPLOAD_BYTES };
