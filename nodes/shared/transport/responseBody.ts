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
	if (status >= 200 && status < 300) return (await readBytes(body, status, declaredLength, signal, MAX_RESPONSE_BYTES)).toString('utf8');
	// A character cut in two at the end of an error body's first 64 KB is dropped, not shown as a replacement mark.
	return (await readStream(body, signal, MAX_ERROR_BODY_BYTES, () => undefined)).toString('utf8').replace(/\uFFFD$/, '');
}

/**
 * A whole body as bytes, at most `maxBytes` (a declared or actual size past it fails, and the stream is closed at
 * once), stopping when `signal` aborts. Files fetched from other hosts are read with this too.
 */
export async function readBytes(body: unknown, status: number, declaredLength: string | undefined, signal: AbortSignal, maxBytes: number): Promise<Buffer> {
	if (isStream(body) && declaredLength !== undefined && Number(declaredLength) > maxBytes) {
		body.destroy();
		throw tooLarge(status, Number(declaredLength), maxBytes);
	}
	return await readStream(body, signal, maxBytes, (size) => {
		throw tooLarge(status, size, maxBytes);
	});
}

/**
 * Up to `maxBytes` of a body (a stream, or what a helper buffered itself); past that, `overflow` decides: it throws,
 * or returns and the first `maxBytes` are kept. The stream is closed once read, cut or aborted.
 */
async function readStream(body: unknown, signal: AbortSignal, maxBytes: number, overflow: (size: number) => void): Promise<Buffer> {
	if (!isStream(body)) {
		const bytes = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : body === undefined || body === null ? '' : JSON.stringify(body));
		if (bytes.length > maxBytes) overflow(bytes.length);
		return bytes.subarray(0, maxBytes);
	}
	const chunks: Buffer[] = [];
	let size = 0;
	const onAbort = () => body.destroy(new RequestAbortedError());
	signal.addEventListener('abort', onAbort, { once: true });
	try {
		for await (const chunk of body) {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			if (size + buffer.length > maxBytes) {
				overflow(size + buffer.length);
				chunks.push(buffer.subarray(0, maxBytes - size));
				size = maxBytes;
				break;
			}
			chunks.push(buffer);
			size += buffer.length;
		}
	} finally {
		signal.removeEventListener('abort', onAbort);
		body.destroy();
	}
	if (signal.aborted) throw new RequestAbortedError();
	return Buffer.concat(chunks, size);
}
