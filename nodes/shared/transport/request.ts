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
import { LeanCloudFailure, RequestAbortedError } from '../errors/leanCloudFailure';
import { failureFromResponse, headerValue, networkFailure, redirectFailure, successBody, timeoutFailure } from './answers';
import { boundedOptions, cancelledBy, startDeadline } from './deadline';
import { secretsOf } from './redact';
import { readBody } from './responseBody';

export const CREDENTIAL_TYPE = 'leanCloudImApi';

/** Every n8n context a request can be sent from: the action node, the trigger's polls, the editor's pickers. */
export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IPollFunctions;

/** The request shape the transport sends: a path under the API server, with optional query and JSON body. */
export interface TransportRequest {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE';
	path: string;
	query?: IDataObject;
	body?: IDataObject;
}

/** How one request is sent: the credential and key it uses and the limits that bound it. */
export interface SendOptions {
	/** The node's credential, decrypted once per run (see credential/openCredential.ts). */
	credentials: ICredentialsDecrypted;
	key: KeyRole;
	/** The whole exchange (connect, send, wait, read the body) must end within this. */
	timeoutMs?: number;
	/** Aborts the request (n8n's cancel signal, or the node stopping after a failure). */
	signal?: AbortSignal;
	/** Called when the answer's status and headers have arrived, before its body is read (the pacer's moment). */
	answered?: () => void;
}

/** Used when a caller gives no Timeout. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** What a failed exchange was: ours (size, deadline, stop), the credential's, or the network's. */
function classifyFailure(error: unknown, deadline: AbortSignal, aborted: () => Error): Error {
	if (error instanceof LeanCloudFailure || error instanceof RequestAbortedError) return error;
	if (deadline.aborted) return aborted();
	if ((error as Error)?.name === 'ApiServerError') return error as Error;
	return networkFailure(error);
}

/**
 * The one place requests leave either node. Base URL and key are applied by the credential's `authenticate`
 * (which also turns redirects off). One deadline covers the whole exchange; the body is read as a stream
 * with a size cap; statuses are read here (never thrown by the helper, so no request options leak into
 * errors); server text is redacted of the keys and signatures before it can reach an error or an item.
 */
export async function sendRequest(context: RequestContext, spec: TransportRequest, { credentials, key, timeoutMs = DEFAULT_TIMEOUT_MS, signal, answered }: SendOptions): Promise<unknown> {
	if (signal?.aborted) throw new RequestAbortedError();
	const secrets = secretsOf(credentials.data as ICredentialDataDecryptedObject);
	const aborted = () => (signal?.aborted ? new RequestAbortedError() : timeoutFailure(timeoutMs));
	const deadline = startDeadline(timeoutMs, signal, aborted);
	const options: IHttpRequestOptions = {
		method: spec.method,
		url: spec.path,
		qs: spec.query,
		body: spec.body,
		json: true,
		headers: { [ROLE_HEADER]: key },
		...boundedOptions(deadline, timeoutMs),
	};
	const caller = cancelledBy(context, deadline.signal);
	let response: { status: number; headers?: IDataObject; text: string } | undefined;
	let failure: unknown;
	try {
		// Raced against the deadline too, should a helper ignore the signal.
		const full = (await Promise.race([
			context.helpers.httpRequestWithAuthentication.call(caller, CREDENTIAL_TYPE, options, { credentialsDecrypted: credentials }),
			deadline.reached,
		])) as IN8nHttpFullResponse;
		answered?.();
		const headers = full.headers as IDataObject | undefined;
		const text = await Promise.race([readBody(full.body, full.statusCode, headerValue(headers, 'content-length'), deadline.signal), deadline.reached]);
		response = { status: full.statusCode, headers, text };
	} catch (error) {
		failure = error;
	} finally {
		deadline.end();
	}
	if (!response) throw classifyFailure(failure, deadline.signal, aborted);
	// Redaction happens on what is kept, decoded (parsed JSON strings, HTML text, the redirect's host).
	const { status, headers, text } = response;
	if (status >= 300 && status < 400) throw redirectFailure(status, headers, secrets);
	if (status >= 200 && status < 300) return await successBody(status, text, secrets);
	throw failureFromResponse(status, headers, text, secrets);
}
