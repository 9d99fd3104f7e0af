import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
} from 'n8n-workflow';

import { ROLE_HEADER, type KeyRole } from '../../../credentials/LeanCloudImApi.credentials';
import { onAbort as watchAbort } from '../signals/onAbort';
import { redactSecrets, secretsOf } from './redact';

export const CREDENTIAL_TYPE = 'leanCloudImApi';

/** The request shape the transport sends: a path under the API server, with optional query and JSON body. */
export interface TransportRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	query?: IDataObject;
	body?: IDataObject;
}

/** How one request is sent: the key it needs and the limits that bound it. */
export interface SendOptions {
	key: KeyRole;
	/** The whole exchange (connect, send, wait, read the body) must end within this. */
	timeoutMs?: number;
	/** Aborts the request (n8n's cancel signal, or the node stopping after a failure). */
	signal?: AbortSignal;
	/** The credential already decrypted for this run (decryptedCredential); decrypted here when absent. */
	credentials?: ICredentialsDecrypted;
}

/**
 * The node's credential, decrypted once, in the form n8n's helper takes so it does not decrypt it again for
 * every request.
 */
export async function decryptedCredential(context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions): Promise<ICredentialsDecrypted> {
	const data = (await context.getCredentials(CREDENTIAL_TYPE)) as ICredentialDataDecryptedObject;
	const reference = context.getNode().credentials?.[CREDENTIAL_TYPE];
	return { id: reference?.id ?? '', name: reference?.name ?? '', type: CREDENTIAL_TYPE, data };
}

/** Used when a caller gives no Timeout (list searches in the editor). */
export const DEFAULT_TIMEOUT_MS = 30_000;
/**
 * The largest answer read. LeanCloud's largest page (1,000 history records of at most 5 KB each) is about
 * 6 MB; a bigger body is a misbehaving server and is cut off instead of filling the memory.
 */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** Longest Retry-After honoured: timers overflow past 2^31 - 1 ms. */
const MAX_RETRY_AFTER_MS = 2 ** 31 - 1;
/** Only this much of a server's error text is looked at and shown. */
const MAX_EXCERPT_INPUT = 2_000;

/**
 * A request that did not succeed: an HTTP error status, a body that is not what the API sends, or no
 * response at all. Plain data only (no request options, so no headers and no key material; server text
 * is redacted): the executor turns it into a NodeApiError for the item.
 */
export class LeanCloudFailure extends Error {
	constructor(
		message: string,
		readonly details: {
			/** HTTP status, absent when no response arrived. */
			status?: number;
			/** LeanCloud's numeric `code` from the error body. */
			code?: number;
			/** LeanCloud's `error` text from the error body. */
			error?: string;
			/** Network error code (e.g. ECONNRESET, ETIMEDOUT) when no full response arrived. */
			networkCode?: string;
			/** The Retry-After header of a 429 or 503, in milliseconds. */
			retryAfterMs?: number;
			/** How to fix it, when the transport knows better than a generic hint. */
			hint?: string;
		},
	) {
		super(message);
		this.name = 'LeanCloudFailure';
	}
}

/** The execution was stopped while a request was on its way (n8n's cancel, or the node stopping). */
export class RequestAbortedError extends Error {
	constructor() {
		super('The request was aborted');
		this.name = 'RequestAbortedError';
	}
}

/** The text of a non-JSON body without markup, shortened for an error message. Linear time whatever the input. */
export function excerptOf(text: string): string {
	return text
		.slice(0, MAX_EXCERPT_INPUT)
		.replace(/<[^<>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 120);
}

function parseBody(text: string): unknown {
	if (text.trim() === '') return {};
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/** Retry-After as milliseconds (delay-seconds or an HTTP date), clamped to what a timer can wait. */
export function retryAfterMs(headers: IDataObject | undefined, now = Date.now()): number | undefined {
	const value = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(String(value)) - now;
	return Number.isFinite(ms) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms)) : undefined;
}

function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	return value === undefined || value === null ? undefined : String(value);
}

function redirectFailure(status: number, headers: IDataObject | undefined): LeanCloudFailure {
	const location = headerValue(headers, 'location') ?? '';
	let target = 'another address';
	try {
		const url = new URL(location, 'https://api-server.invalid');
		target = url.hostname === 'api-server.invalid' ? `another path (${url.pathname.slice(0, 80)})` : `host ${url.host}`;
	} catch {
		// an unparseable Location: say so without echoing it
	}
	return new LeanCloudFailure(`The API Server answered with a redirect (HTTP ${status}) to ${target}, which is not followed`, {
		status,
		hint:
			'Redirects are never followed: they would carry the key or its signature to another host. Put the final https:// address of your app\'s REST API domain in the credential\'s API Server.',
	});
}

function failureFromResponse(status: number, headers: IDataObject | undefined, text: string): LeanCloudFailure {
	const body = parseBody(text);
	const retryAfter = retryAfterMs(headers);
	if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
		const { code, error } = body as IDataObject;
		if (typeof code === 'number' || typeof error === 'string') {
			const errorText = typeof error === 'string' ? error.slice(0, 500) : undefined;
			return new LeanCloudFailure(errorText ?? `HTTP ${status}`, {
				status,
				code: typeof code === 'number' ? code : undefined,
				error: errorText,
				retryAfterMs: retryAfter,
			});
		}
	}
	// Gateways and proxies answer with HTML or empty bodies: report the status and a short, safe excerpt.
	const excerpt = typeof body === 'string' ? excerptOf(body) : '';
	return new LeanCloudFailure(excerpt || `HTTP ${status}`, { status, retryAfterMs: retryAfter });
}

type BodyStream = AsyncIterable<unknown> & { destroy(error?: Error): void };

function isStream(value: unknown): value is BodyStream {
	return typeof value === 'object' && value !== null && typeof (value as BodyStream).destroy === 'function' && Symbol.asyncIterator in value;
}

function tooLarge(status: number, bytes: number): LeanCloudFailure {
	return new LeanCloudFailure(`The response is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MB and was cut off (${bytes} bytes or more)`, {
		// The status the server sent is kept: it is an answer, so the request is not sent again.
		status,
		networkCode: 'ERESPONSETOOLARGE',
		hint: 'LeanCloud\'s largest answers are a few MB. Check that API Server is your app\'s REST API domain, or ask for fewer records per request.',
	});
}

/** Reads the body as text, at most MAX_RESPONSE_BYTES, stopping at once when `signal` aborts. */
async function readBody(body: unknown, status: number, declaredLength: string | undefined, signal: AbortSignal): Promise<string> {
	if (!isStream(body)) {
		// A helper that buffered the body itself (not n8n's current ones): take what it gave.
		if (typeof body === 'string') return body;
		if (body === undefined || body === null) return '';
		return Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body);
	}
	if (declaredLength !== undefined && Number(declaredLength) > MAX_RESPONSE_BYTES) {
		body.destroy();
		throw tooLarge(status, Number(declaredLength));
	}
	const chunks: Buffer[] = [];
	let size = 0;
	const onAbort = () => body.destroy(new RequestAbortedError());
	signal.addEventListener('abort', onAbort, { once: true });
	try {
		for await (const chunk of body) {
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			size += buffer.length;
			if (size > MAX_RESPONSE_BYTES) {
				body.destroy();
				throw tooLarge(status, size);
			}
			chunks.push(buffer);
		}
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
	if (signal.aborted) throw new RequestAbortedError();
	return Buffer.concat(chunks).toString('utf8');
}

function timeoutFailure(timeoutMs: number): LeanCloudFailure {
	return new LeanCloudFailure(`No complete answer within the timeout (${timeoutMs / 1000} s)`, {
		networkCode: 'ETIMEDOUT',
		hint: 'Check API Server in the credential and that this n8n instance can reach it, or raise Options > Timeout.',
	});
}

/** What a failed exchange was: ours (size, deadline, stop), the credential's, or the network's. */
function classifyFailure(error: unknown, abort: AbortSignal, aborted: () => Error): Error {
	if (error instanceof LeanCloudFailure || error instanceof RequestAbortedError) return error;
	if (abort.aborted) return aborted();
	if ((error as Error)?.name === 'ApiServerError') return error as Error;
	return networkFailure(error);
}

function networkFailure(error: unknown): LeanCloudFailure {
	const cause = (error as { cause?: unknown }).cause ?? error;
	const networkCode = (cause as { code?: unknown }).code;
	const code = typeof networkCode === 'string' ? networkCode : undefined;
	// The code itself is shown in the error's brackets.
	return new LeanCloudFailure('The request failed before a response arrived', { networkCode: code });
}

/**
 * The one place requests leave the node. Base URL and key are applied by the credential's `authenticate`
 * (which also turns redirects off). One deadline covers the whole exchange; the body is read as a stream
 * with a size cap; statuses are read here (never thrown by the helper, so no request options leak into
 * errors); server text is redacted of the keys and signatures before it can reach an error or an item.
 */
export async function sendRequest(
	context: IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions,
	spec: TransportRequest,
	{ key, timeoutMs = DEFAULT_TIMEOUT_MS, signal, credentials }: SendOptions,
): Promise<unknown> {
	if (signal?.aborted) throw new RequestAbortedError();
	const credential = credentials ?? (await decryptedCredential(context));
	const secrets = secretsOf(credential.data as ICredentialDataDecryptedObject);
	// The deadline and the caller's signal, linked by hand and unlinked when the request ends (one shared listener
	// on the execution's cancel signal, not one per request: see signals/onAbort.ts).
	const deadline = AbortSignal.timeout(timeoutMs);
	const link = new AbortController();
	const abortLink = () => link.abort();
	deadline.addEventListener('abort', abortLink, { once: true });
	const stopWatching = signal ? watchAbort(signal, abortLink) : () => {};
	const abort = link.signal;
	const options: IHttpRequestOptions = {
		method: spec.method,
		url: spec.path,
		qs: spec.query,
		body: spec.body,
		json: true,
		headers: { [ROLE_HEADER]: key },
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
		disableFollowRedirect: true,
		encoding: 'stream',
		abortSignal: abort,
		// Also a socket idle timeout, in case a helper drops the signal.
		timeout: timeoutMs,
	};
	const aborted = () => (signal?.aborted ? new RequestAbortedError() : timeoutFailure(timeoutMs));
	// n8n's helper replaces `abortSignal` with the execution's cancel signal, read from the calling context:
	// a context whose cancel signal is the combined one gets the deadline and the node's stop through.
	const caller = Object.create(context, { getExecutionCancelSignal: { value: () => abort } }) as typeof context;
	// And should a helper ignore the signal, the deadline still ends the wait.
	let onAbort = () => {};
	const deadlineReached = new Promise<never>((_resolve, reject) => {
		onAbort = () => reject(aborted());
		abort.addEventListener('abort', onAbort, { once: true });
	});
	deadlineReached.catch(() => {});
	let response: { status: number; headers?: IDataObject; text: string } | undefined;
	let failure: unknown;
	try {
		const full = (await Promise.race([
			context.helpers.httpRequestWithAuthentication.call(caller, CREDENTIAL_TYPE, options, { credentialsDecrypted: credential }),
			deadlineReached,
		])) as IN8nHttpFullResponse;
		const headers = full.headers as IDataObject | undefined;
		const body = await Promise.race([readBody(full.body, full.statusCode, headerValue(headers, 'content-length'), abort), deadlineReached]);
		response = { status: full.statusCode, headers, text: body };
	} catch (error) {
		failure = error;
	} finally {
		abort.removeEventListener('abort', onAbort);
		deadline.removeEventListener('abort', abortLink);
		stopWatching();
	}
	if (!response) throw classifyFailure(failure, abort, aborted);
	const { status, headers } = response;
	let { text } = response;
	text = redactSecrets(text, secrets, { errorText: status < 200 || status >= 300 });
	if (status >= 300 && status < 400) throw redirectFailure(status, headers);
	if (status >= 200 && status < 300) {
		const body = parseBody(text);
		// LeanCloud always answers JSON; anything else (a proxy page, a cut-off body) is not a result.
		if (typeof body === 'string') {
			throw new LeanCloudFailure(`The response is not JSON (${excerptOf(body) || 'empty'})`, { status });
		}
		return body;
	}
	throw failureFromResponse(status, headers, text);
}
