import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse, IPollFunctions } from 'n8n-workflow';

import { LeanCloudFailure, RequestAbortedError } from '../errors/leanCloudFailure';
import { settle } from '../errors/settle';
import { excerptOf, headerValue, parseBody } from './answers';
import { boundedOptions, cancelledBy, startDeadline } from './deadline';
import { destinationOf, resolverOf, type ForeignReach } from './destination';
import { MAX_ERROR_BODY_BYTES, readBytes } from './responseBody';

/** The contexts that reach other hosts: the action node (uploads, downloads) and the trigger (downloads). */
export type ForeignContext = IExecuteFunctions | IPollFunctions;

/** A request to a host that is not the API Server: a storage provider's upload URL, a file's URL. */
export interface ForeignRequest {
	method: 'GET' | 'POST' | 'PUT';
	url: string;
	headers?: Record<string, string>;
	body?: Buffer;
}

export interface ForeignAnswer {
	status: number;
	headers: IDataObject;
	body: Buffer;
}

export interface ForeignOptions {
	/** Who is asked, named first in every error (e.g. `Qiniu (file upload)`). */
	source: string;
	timeoutMs: number;
	/** The largest body read; more fails the request. */
	maxBytes: number;
	signal?: AbortSignal;
	/** Key values that must not appear in what the host says back (it never received them; a URL could carry one). */
	secrets: string[];
	/** Which hosts the credential lets the node reach (transport/destination.ts). */
	reach: ForeignReach;
}

/**
 * The one way a request leaves for a host other than the API Server. Its address is checked first and the request
 * goes to the address checked (transport/destination.ts: public hosts only, unless the credential says otherwise). It
 * goes through n8n's plain HTTP helper, not the credential's, so it carries no LeanCloud key or signature; and it has
 * the same rules as every LeanCloud request: one deadline over the whole exchange (the name's lookup included), no
 * redirect followed, the body read as a stream up to a cap (an error body up to 64 KB), and what the host says
 * redacted before it reaches an error.
 */
export async function sendForeign(context: ForeignContext, spec: ForeignRequest, { source, timeoutMs, maxBytes, signal, secrets, reach }: ForeignOptions): Promise<ForeignAnswer> {
	if (signal?.aborted) throw new RequestAbortedError();
	const aborted = () =>
		signal?.aborted ? new RequestAbortedError() : new LeanCloudFailure(`No complete answer within the timeout (${timeoutMs / 1000} s)`, { source, networkCode: 'ETIMEDOUT' });
	const deadline = startDeadline(timeoutMs, signal, aborted);
	const caller = cancelledBy(context, deadline.signal);
	const exchange = settle(
		(async () => {
			const destination = await Promise.race([destinationOf(spec.url, reach, resolverOf(context.helpers), source), deadline.reached]);
			const options: IHttpRequestOptions = {
				method: spec.method,
				url: destination.url,
				headers: { ...spec.headers, ...destination.headers },
				body: spec.body,
				json: false,
				...boundedOptions(deadline, timeoutMs),
				...(destination.servername ? { agentOptions: { servername: destination.servername } } : {}),
			};
			const full = (await Promise.race([context.helpers.httpRequest.call(caller, options), deadline.reached])) as IN8nHttpFullResponse;
			const headers = (full.headers ?? {}) as IDataObject;
			const status = full.statusCode;
			const success = status >= 200 && status < 300;
			// An error body is only looked at (up to 64 KB); one past that is read no further, not a failure of its own.
			const read = readBytes(full.body, status, success ? headerValue(headers, 'content-length') : undefined, deadline.signal, success ? maxBytes : MAX_ERROR_BODY_BYTES);
			const body = await Promise.race([success ? read : read.catch(() => Buffer.alloc(0)), deadline.reached]);
			return { status, headers, body };
		})(),
	);
	const outcome = await exchange;
	deadline.end();
	if (!outcome.ok) throw classify(outcome.error, deadline.signal.aborted, aborted, source);
	const { status, headers, body } = outcome.value;
	if (status >= 300 && status < 400) throw new LeanCloudFailure(`Answered with a redirect (HTTP ${status}), which is not followed`, { source, status });
	if (status < 200 || status >= 300) throw new LeanCloudFailure(errorText(body.toString('utf8'), secrets) || `HTTP ${status}`, { source, status });
	return { status, headers, body };
}

/**
 * What another host's error body says: the `error` (or `message`) of a JSON body, as Qiniu answers; the Code and
 * Message of an XML one, as S3 answers; else a short excerpt. Redacted and shortened as LeanCloud's errors are.
 */
function errorText(text: string, secrets: string[]): string {
	const json = parseBody(text);
	if (typeof json === 'object' && json !== null) {
		const { error, message } = json as IDataObject;
		const said = typeof error === 'string' ? error : typeof message === 'string' ? message : undefined;
		if (said) return excerptOf(said, secrets);
	}
	const code = /<Code>([^<]{1,200})<\/Code>/.exec(text)?.[1];
	const xmlMessage = /<Message>([^<]{1,500})<\/Message>/.exec(text)?.[1];
	if (code) return excerptOf(xmlMessage ? `${code}: ${xmlMessage}` : code, secrets);
	return excerptOf(text, secrets);
}

/** What a failed exchange was, named after the host asked: ours (size, deadline, stop) or the network's. */
function classify(error: unknown, timedOut: boolean, aborted: () => Error, source: string): Error {
	if (error instanceof RequestAbortedError) return error;
	if (error instanceof LeanCloudFailure) return error.details.source ? error : new LeanCloudFailure(error.message, { ...error.details, hint: undefined, source });
	if (timedOut) return aborted();
	const cause = (error as { cause?: { code?: unknown } }).cause ?? error;
	const networkCode = (cause as { code?: unknown }).code;
	return new LeanCloudFailure('The request failed before a response arrived', { source, networkCode: typeof networkCode === 'string' ? networkCode : undefined });
}
