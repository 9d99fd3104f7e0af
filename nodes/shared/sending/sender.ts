import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { openCredential, requireKey, type KeyNeed } from '../credential/openCredential';
import { reachOf, type ForeignReach } from '../transport/destination';
import { secretsOf } from '../transport/redact';
import { sendRequest, type RequestContext } from '../transport/request';
import { appKey, sharedPacer } from './sharedPacers';
import type { RequestSpec, Send } from './requestSpec';
import { sendWithPolicy, type RetryPolicy } from './retry';

export interface SenderOptions {
	/** The key the requests need, and who needs it (named in the error when the credential lacks it). */
	need: KeyNeed;
	user: string;
	policy: RetryPolicy;
	/** Per request, the whole exchange; the transport's default when absent. */
	timeoutMs?: number;
	/**
	 * Pace requests that declare a rate-limit bucket under the app's quota, shared with every execution in this
	 * process; `requestsPerMinute` is the Message Quota option (the normal bucket's), undefined = learn it.
	 * Without this nothing is paced (reads count against no quota).
	 */
	pacing?: { requestsPerMinute?: number };
	/** The node's stop: nothing new is sent once it aborts, and waits end at once. */
	stop?: AbortSignal;
	/** n8n's cancel: also aborts requests already on the wire. */
	cancel?: AbortSignal;
}

export interface Sender {
	send: Send;
	/** The app's identity (API Server and App ID, nothing secret), which keys the shared pacers and lanes. */
	app: string;
	/** The key values, to redact from what other hosts say back (they are never sent there). */
	secrets: string[];
	/** Which hosts other than the API Server the credential lets the node reach (files). */
	reach: ForeignReach;
}

/**
 * The one way both nodes and the editor's pickers send: the credential is decrypted and checked once (a key
 * it lacks is a CredentialProblem before anything is sent), and every request goes through the same policy
 * (pacing, 429 waits, retries), deadline and transport.
 */
export async function openSender(context: RequestContext, options: SenderOptions): Promise<Sender> {
	const { decrypted, summary } = await openCredential(context);
	const key = requireKey(options.need, summary, options.user);
	const app = appKey(summary.apiServer ?? '', summary.appId);
	const { pacing, policy, timeoutMs, stop, cancel } = options;
	// The broadcast buckets' tiny quotas (10 to 30 a minute) are learned from their 429s; Message Quota is the normal bucket's.
	const pacerOf = (spec: RequestSpec) =>
		pacing && spec.bucket ? sharedPacer(app, spec.bucket, spec.bucket === 'normal' ? pacing.requestsPerMinute : undefined) : undefined;
	const send: Send = async (spec) =>
		await sendWithPolicy(async (request, answered) => await sendRequest(context, request, { credentials: decrypted, key, timeoutMs, signal: cancel, answered }), spec, {
			policy,
			pacer: pacerOf(spec),
			signal: stop ?? cancel,
		});
	return { send, app, secrets: secretsOf(decrypted.data as ICredentialDataDecryptedObject), reach: reachOf(summary.apiServer, summary.allowPrivateNetworks) };
}
