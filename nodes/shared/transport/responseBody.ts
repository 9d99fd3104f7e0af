import { LeanCloudFailure, RequestAbortedError } from '../errors/leanCloudFailure';

/**
 * The largest answer read. LeanCloud's largest page (1,000 history records of at most 5 KB each) is about
 * 6 MB; a bigger body is a misbehaving server and is cut off instead of filling the memory. The bound is also
 * what one `JSON.parse` may cost, and parsing cannot yield: 16 MB parse in about 60 ms here, where 31 MB took 130.
 */
export const MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

/**
 * How much of an error body is read: LeanCloud's `{"code","error"}` is a few hundred bytes, and only 2,000
 * characters of a proxy's page are looked at. The rest is never read, parsed or redacted.
 */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;

type BodyStream = AsyncIterable<unknown> & { destroy(error?: Error): void };

function isStream(value: unknown): value is BodyStream {
	return typeof value === 'object' && value !== null && typeof (value as BodyStream).destroy === 'function' && Symbol.asyncIterator in value;
}

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Number((bytes / 1024).toFixed(1))} KB` : `${Number((bytes / 1024 / 1024).toFixed(1))} MB`);

function tooLarge(status: number, bytes: number, maxBytes: number): LeanCloudFailure {
	return new LeanCloudFailure(`The response is larger than ${sizeText(maxBytes)} and was cut off (${bytes} bytes or more)`, {
		// The status the server sent is kept: it is an answer, so the request is not sent again.
		status,
		networkCode: 'ERESPONSETOOLARGE',
		hint: 'LeanCloud\'s largest answers are a few MB. Check that API Server is your app\'s REST API domain, or ask for fewer records per request.',
	});
}

/**
 * Reads the body as text, stopping at once when `signal` aborts. A success body is read whole, at most
 * MAX_RESPONSE_BYTES (more is an error); any other body only up to MAX_ERROR_BODY_BYTES, the rest discarded.
 */
export async function readBody(body: unknown, status: number, declaredLength: string | undefined, signal: AbortSignal): Promise<string> {
	const success = status >= 200 && status < 300;
	if (!success) return readPrefix(body, MAX_ERROR_BODY_BYTES, signal);
	if (!isStream(body)) {
		// A helper that buffered the body itself (not n8n's current ones): take what it gave.
		if (typeof body === 'string') return body;
		if (body === undefined || body === null) return '';
		return Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body);
	}
	return (await readBytes(body, status, declaredLength, signal, MAX_RESPONSE_BYTES)).toString('utf8');
}

/**
 * A whole body as bytes, at most `maxBytes` (a declared or actual size past it fails, and the stream is closed at
 * once), stopping when `signal` aborts. Files fetched from other hosts are read with this too.
 */
export async function readBytes(body: unknown, status: number, declaredLength: string | undefined, signal: AbortSignal, maxBytes: number): Promise<Buffer> {
	if (!isStream(body)) {
		const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body));
		if (bytes.length > maxBytes) throw tooLarge(status, bytes.length, maxBytes);
		return bytes;
	}
	if (declaredLength !== undefined && Number(declaredLength) > maxBytes) {
		body.destroy();
		throw tooLarge(status, Number(declaredLength), maxBytes);
	}
	const chunks: Buffer[] = [];
	let size = 0;
	const onAbort = () => body.destroy(new RequestAbortedError());
	signal.addEventListener('abort', onAbort, { once: true });
	try {
		for await (const chunk of body) {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			size += buffer.length;
			if (size > maxBytes) {
				body.destroy();
				throw tooLarge(status, size, maxBytes);
			}
			chunks.push(buffer);
		}
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
	if (signal.aborted) throw new RequestAbortedError();
	return Buffer.concat(chunks);
}

/** The first `maxBytes` of a body as text (a character cut in two is dropped by the decoder); the stream is then closed. */
async function readPrefix(body: unknown, maxBytes: number, signal: AbortSignal): Promise<string> {
	if (!isStream(body)) {
		if (typeof body === 'string') return body.slice(0, maxBytes);
		if (body === undefined || body === null) return '';
		return (Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body)).slice(0, maxBytes);
	}
	const chunks: Buffer[] = [];
	let size = 0;
	const onAbort = () => body.destroy(new RequestAbortedError());
	signal.addEventListener('abort', onAbort, { once: true });
	try {
		for await (const chunk of body) {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			chunks.push(buffer.subarray(0, maxBytes - size));
			size += Math.min(buffer.length, maxBytes - size);
			if (size >= maxBytes) break;
		}
	} finally {
		signal.removeEventListener('abort', onAbort);
		body.destroy();
	}
	if (signal.aborted) throw new RequestAbortedError();
	return Buffer.concat(chunks).toString('utf8').replace(/\uFFFD$/, '');
}
