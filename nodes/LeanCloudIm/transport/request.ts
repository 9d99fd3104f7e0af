import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { ROLE_HEADER, type KeyRole } from '../../../credentials/LeanCloudImApi.credentials';
import type { RequestSpec } from '../engine/operation';

export const CREDENTIAL_TYPE = 'leanCloudImApi';

/**
 * A request that did not succeed: an HTTP error status, a body that is not what the API sends, or no
 * response at all. Plain data only (no request options, so no headers and no key material): the executor
 * turns it into a NodeApiError for the item.
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
			/** Network error code (e.g. ECONNRESET) when no response arrived. */
			networkCode?: string;
			/** The Retry-After header of a 429 or 503, in milliseconds. */
			retryAfterMs?: number;
		},
	) {
		super(message);
		this.name = 'LeanCloudFailure';
	}
}

/** The text of a non-JSON body without markup, shortened for an error message. */
function excerptOf(text: string): string {
	return text.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (body.trim() === '') return {};
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/** Retry-After as milliseconds: either delay-seconds or an HTTP date. */
export function retryAfterMs(headers: IDataObject | undefined, now = Date.now()): number | undefined {
	const value = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (value === undefined || value === null || value === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

function failureFromResponse(response: IN8nHttpFullResponse): LeanCloudFailure {
	const body = parseBody(response.body);
	const status = response.statusCode;
	const retryAfter = retryAfterMs(response.headers as IDataObject);
	if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
		const { code, error } = body as IDataObject;
		if (typeof code === 'number' || typeof error === 'string') {
			return new LeanCloudFailure(typeof error === 'string' ? error : `HTTP ${status}`, {
				status,
				code: typeof code === 'number' ? code : undefined,
				error: typeof error === 'string' ? error : undefined,
				retryAfterMs: retryAfter,
			});
		}
	}
	// Gateways and proxies answer with HTML or empty bodies: report the status and a short, safe excerpt.
	const excerpt = typeof body === 'string' ? excerptOf(body) : '';
	return new LeanCloudFailure(excerpt || `HTTP ${status}`, { status, retryAfterMs: retryAfter });
}

/**
 * The one place requests leave the node: base URL and key are applied by the credential's `authenticate`,
 * statuses are read here (never thrown by the helper, so no request options leak into errors and a 401 is
 * not silently re-sent), and the parsed body is returned on 2xx.
 */
export async function sendRequest(
	context: IExecuteFunctions | ILoadOptionsFunctions,
	spec: RequestSpec,
	key: KeyRole,
	timeoutMs?: number,
	credentials?: ICredentialsDecrypted,
): Promise<unknown> {
	const options: IHttpRequestOptions = {
		timeout: timeoutMs,
		method: spec.method,
		url: spec.path,
		qs: spec.query,
		body: spec.body,
		json: true,
		headers: { [ROLE_HEADER]: key },
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	};
	let response: IN8nHttpFullResponse;
	try {
		// With the credential already decrypted for this run, n8n does not resolve it again for every request.
		response = (await context.helpers.httpRequestWithAuthentication.call(
			context,
			CREDENTIAL_TYPE,
			options,
			credentials ? { credentialsDecrypted: credentials } : undefined,
		)) as IN8nHttpFullResponse;
	} catch (error) {
		throw networkFailure(error);
	}
	if (response.statusCode >= 200 && response.statusCode < 300) {
		const body = parseBody(response.body);
		// LeanCloud always answers JSON; anything else (a proxy page, a cut-off body) is not a result.
		if (typeof body === 'string') {
			throw new LeanCloudFailure(`The response is not JSON (${excerptOf(body) || 'empty'})`, { status: response.statusCode });
		}
		return body;
	}
	throw failureFromResponse(response);
}

function networkFailure(error: unknown): LeanCloudFailure {
	const cause = (error as { cause?: unknown }).cause ?? error;
	const networkCode = (cause as { code?: unknown }).code;
	const code = typeof networkCode === 'string' ? networkCode : undefined;
	const message = code ? `The request failed before a response arrived (${code})` : 'The request failed before a response arrived';
	return new LeanCloudFailure(message, { networkCode: code });
}
