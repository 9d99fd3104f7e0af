import {
	NodeApiError,
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type ICredentialsDecrypted,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { describeCredential, type KeyRole } from '../../../credentials/LeanCloudImApi.credentials';
import { decryptedCredential, LeanCloudFailure, sendRequest } from '../../shared/transport/request';
import { toNodeApiError } from '../../shared/errors/apiError';
import { readExecutionOptions, type ExecutionOptions } from './executionOptions';
import { parameterError, readParams } from './itemParams';
import type { Bucket, RequestSpec } from '../../shared/sending/requestSpec';
import type { AssembledOperation, OperationDef } from './operation';
import type { Pacer } from '../../shared/sending/pace';
import { collectPages } from '../../shared/paging/paginate';
import { ParameterError } from '../../shared/params/parameterError';
import type { Params } from '../../shared/params/params';
import { ResponseProblem } from '../../shared/errors/responseProblem';
import { appKey, release, reserve, sharedPacer, waitTurn, type Ticket } from '../../shared/sending/gates';
import { MAX_WAIT_ADVICE, QuotaWaitError, sendWithPolicy } from '../../shared/sending/retry';
import { runScheduled } from './schedule';
import { settle } from '../../shared/sending/settle';
import { stopReport } from './stopReport';
import { CancelledError } from '../../shared/sending/wait';

/** What phase one decided for an item: the request to send, or the error to report. */
type Plan =
	| { ok: true; params: Params; request: RequestSpec; limit: number; orderKey?: string }
	| { ok: false; error: NodeApiError | NodeOperationError };

/** What sending needs besides the plan: the policy and the quota shared by all items. */
interface Sending {
	options: ExecutionOptions;
	/** The key every request of this run uses. */
	key: KeyRole;
	credentials: ICredentialsDecrypted;
	/** One pacer per rate-limit bucket, shared by every item's requests. */
	pacer(bucket: Bucket | undefined): Pacer | undefined;
	/** The node's stop (a failure without Continue On Fail, or a cancel): nothing new is sent, waits end. */
	signal: AbortSignal;
	/**
	 * n8n's cancel only: aborts requests on the wire. A failure elsewhere lets them finish, since a send on
	 * the wire may be delivered either way, and only its answer says so.
	 */
	cancel?: AbortSignal;
}

/**
 * The conversation whose requests this item's request queues behind, as the operation declares it (its
 * `orderedBy` parameter, by default the Conversation field): one at a time, in input order.
 */
function orderKeyOf(op: OperationDef, params: Params): string | undefined {
	if (op.orderedBy === false) return undefined;
	const field = op.orderedBy ?? 'conversationId';
	return params.has(field) ? params.string(field).trim() : undefined;
}

type CredentialSummary = ReturnType<typeof describeCredential>;

/** The key this operation's requests use with this credential, or undefined when the credential lacks it. */
function keyFor(op: OperationDef, credential: CredentialSummary): KeyRole | undefined {
	const wanted = op.key ?? 'master';
	if (wanted === 'appOrMaster') {
		if (credential.hasAppKey) return 'app';
		return credential.hasMasterKey ? 'master' : undefined;
	}
	return (wanted === 'master' ? credential.hasMasterKey : credential.hasAppKey) ? wanted : undefined;
}

/** What is wrong with the credential for this operation, if anything: every item reports it, nothing is sent. */
function credentialProblem(context: IExecuteFunctions, op: OperationDef, credential: CredentialSummary): NodeOperationError | undefined {
	if (!keyFor(op, credential)) {
		const keyName = { master: 'Master Key', app: 'App Key', appOrMaster: 'App Key (or a Master Key)' }[op.key ?? 'master'];
		return new NodeOperationError(context.getNode(), `The credential has no ${keyName}, which "${op.name}" needs`, {
			description: `Add the ${keyName} to the LeanCloud IM API credential.`,
		});
	}
	if (credential.apiServerProblem) {
		return new NodeOperationError(context.getNode(), `The credential's API Server cannot be used`, { description: credential.apiServerProblem });
	}
	return undefined;
}

function plan(context: IExecuteFunctions, operation: AssembledOperation, itemIndex: number, problem?: NodeOperationError): Plan {
	const op = operation.definition;
	if (problem) {
		return {
			ok: false,
			error: new NodeOperationError(context.getNode(), `${problem.message} [item ${itemIndex}]`, { itemIndex, description: problem.description ?? undefined }),
		};
	}
	try {
		const params = readParams(context, operation.fields, itemIndex);
		const request = op.request(params);
		let limit = 1;
		if (op.list) {
			limit = params.boolean('returnAll') ? Infinity : params.integer('limit', { min: 1, max: Number.MAX_SAFE_INTEGER });
		}
		return { ok: true, params, request, limit, orderKey: orderKeyOf(op, params) };
	} catch (error) {
		// Whatever one item's parameters do (an expression error, input no parser expected), it is that item's failure.
		return { ok: false, error: toItemError(context, operation.fields, error, itemIndex) };
	}
}

async function run(context: IExecuteFunctions, op: OperationDef, planned: Extract<Plan, { ok: true }>, sending: Sending): Promise<IDataObject[]> {
	const { key } = sending;
	const send = async (spec: RequestSpec) =>
		await sendWithPolicy(
			async (request) =>
				await sendRequest(context, request, { key, timeoutMs: sending.options.timeoutMs, signal: sending.cancel, credentials: sending.credentials }),
			spec,
			{
				policy: sending.options.retry,
				pacer: sending.pacer(spec.bucket ?? op.bucket),
				signal: sending.signal,
			},
		);
	if (op.list) {
		const list = op.list;
		const items = await collectPages(send, planned.request, list, planned.limit);
		return items.map((item) => (list.toItem ? list.toItem(item, planned.params) : (item as IDataObject)));
	}
	const body = await send(planned.request);
	const shaped = op.output ? op.output(body, planned.params) : (body as IDataObject);
	return Array.isArray(shaped) ? shaped : [shaped];
}

function toItemError(context: IExecuteFunctions, fields: INodeProperties[], error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof LeanCloudFailure) return toNodeApiError(context.getNode(), error, itemIndex);
	if (error instanceof ResponseProblem) return toNodeApiError(context.getNode(), new LeanCloudFailure(error.message, { hint: error.hint }), itemIndex);
	if (error instanceof ParameterError) return parameterError(context, fields, error, itemIndex);
	if (error instanceof QuotaWaitError) {
		return new NodeOperationError(context.getNode(), `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: `LeanCloud asked the node to wait longer than Options > Max Wait for Rate Limit allows. ${MAX_WAIT_ADVICE}`,
		});
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error instanceof Error ? error : String(error), { itemIndex });
}

/**
 * An error item's json. Only `error` and `details` at the top level: that is how n8n recognises an error item
 * and routes it to the error output ("Continue (using error output)").
 */
function errorJson(error: NodeApiError | NodeOperationError): IDataObject {
	const details: IDataObject = {};
	if (error.description) details.description = error.description;
	if (error instanceof NodeApiError) {
		const response = error.errorResponse as IDataObject | undefined;
		if (response?.code !== undefined) details.code = response.code;
		if (error.httpCode) details.httpCode = error.httpCode;
	}
	return Object.keys(details).length ? { error: error.message, details } : { error: error.message };
}

/**
 * Runs one operation over every input item. Phase one reads and validates every item without sending
 * anything, so bad input stops the node before any side effect. Phase two sends with bounded concurrency,
 * one request at a time per conversation, paced under the message quota, retrying what may be retried.
 * Output follows input order and every output item is paired to its input item; with Continue On Fail
 * every failing item yields exactly one error item.
 */
export async function runOperation(
	context: IExecuteFunctions,
	operation: AssembledOperation,
	continueOnFail: boolean,
): Promise<INodeExecutionData[]> {
	const op = operation.definition;
	const items = context.getInputData();
	const credentials = await decryptedCredential(context);
	const credential = describeCredential(credentials.data as ICredentialDataDecryptedObject);
	const problem = credentialProblem(context, op, credential);

	let options: ExecutionOptions;
	try {
		options = readExecutionOptions(readParams(context, operation.fields, 0));
	} catch (error) {
		throw toItemError(context, operation.fields, error, 0);
	}

	const plans: Array<Plan | undefined> = items.map((_, itemIndex) => plan(context, operation, itemIndex, problem));
	if (!continueOnFail) {
		const invalid = plans.find((entry): entry is Extract<Plan, { ok: false }> => entry !== undefined && !entry.ok);
		if (invalid) throw invalid.error;
	}

	// Stops scheduling when n8n cancels the execution, or when an item fails without Continue On Fail.
	const stop = new AbortController();
	const cancelSignal = context.getExecutionCancelSignal?.();
	const onCancel = () => stop.abort();
	cancelSignal?.addEventListener('abort', onCancel, { once: true });
	if (cancelSignal?.aborted) stop.abort();
	// The quota and the order belong to the app, not to this execution: pacers and conversation lanes are
	// shared by every execution of the node in this process (see shared/sending/gates.ts).
	const app = appKey(credential.apiServer ?? '', credential.appId);
	const sending: Sending = {
		options,
		key: keyFor(op, credential) ?? 'master',
		credentials,
		// The Message Quota option is the normal bucket's; the broadcast buckets' tiny quotas are learned from their 429s.
		pacer: (bucket) => (bucket ? sharedPacer(app, bucket, bucket === 'normal' ? options.requestsPerMinute : undefined) : undefined),
		signal: stop.signal,
		cancel: cancelSignal,
	};
	// Places in each conversation's line, taken now, in input order, in one synchronous loop (no other execution's
	// places come between them): this execution's requests for a conversation leave after those of executions
	// that reached the node before it.
	const tickets: Array<Ticket | undefined> = plans.map((entry) => (entry?.ok && entry.orderKey !== undefined ? reserve(`${app}|${entry.orderKey}`) : undefined));

	const results: INodeExecutionData[][] = new Array(plans.length);
	let fatal: { error: NodeApiError | NodeOperationError; itemIndex: number } | undefined;
	const runItem = async (itemIndex: number) => {
		const entry = plans[itemIndex] as Plan;
		plans[itemIndex] = undefined; // done with it: memory follows the output, not the waiting work
		const pairedItem = { item: itemIndex };
		if (!entry.ok) {
			results[itemIndex] = [{ json: errorJson(entry.error), pairedItem }];
			return;
		}
		const ticket = tickets[itemIndex];
		const outcome = await settle(
			(async () => {
				if (ticket) await waitTurn(ticket, stop.signal);
				return await run(context, op, entry, sending);
			})(),
		);
		if (ticket) release(ticket);
		if (outcome.ok) {
			results[itemIndex] = outcome.value.map((json) => ({ json, pairedItem }));
			return;
		}
		// Stopped before it was sent (cancel, or another item's failure): it stays without a result.
		if (outcome.error instanceof CancelledError) return;
		const failure = toItemError(context, operation.fields, outcome.error, itemIndex);
		if (!continueOnFail) {
			fatal ??= { error: failure, itemIndex };
			stop.abort();
			return;
		}
		results[itemIndex] = [{ json: errorJson(failure), pairedItem }];
	};

	const scheduled = await settle(
		runScheduled(
			plans.length,
			options.concurrency,
			(itemIndex) => {
				const entry = plans[itemIndex];
				return entry?.ok ? entry.orderKey : undefined;
			},
			runItem,
			stop.signal,
		),
	);
	cancelSignal?.removeEventListener('abort', onCancel);
	// Places this execution did not use (it stopped, or failed) go back at once: other executions must not wait on them.
	for (const ticket of tickets) if (ticket) release(ticket);
	// Cancellation ends the run early; anything else escaping the scheduler is a bug worth surfacing.
	if (!scheduled.ok && !(scheduled.error instanceof CancelledError)) throw toItemError(context, operation.fields, scheduled.error, 0);
	if (fatal) {
		// The run stops at the first failure, but items already on the wire were delivered: say which, so a
		// re-run can skip them instead of sending them twice.
		const report = stopReport(results, fatal.itemIndex, items.length);
		if (report) fatal.error.description = [fatal.error.description, report].filter(Boolean).join('\n\n');
		throw fatal.error;
	}
	if (cancelSignal?.aborted) throw new NodeOperationError(context.getNode(), 'The execution was cancelled while sending');
	return results.flat();
}
