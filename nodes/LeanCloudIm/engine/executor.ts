import { NodeOperationError, type IBinaryKeyData, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type NodeApiError } from 'n8n-workflow';

import { CancelledError } from '../../shared/errors/cancelledError';
import { CredentialProblem } from '../../shared/errors/credentialProblem';
import { checkRecordCount, collectPages } from '../../shared/paging/paginate';
import { toNodeError } from '../../shared/reporting/nodeError';
import { release, reserve, waitTurn, type Ticket } from './lanes';
import type { RequestSpec } from '../../shared/sending/requestSpec';
import { PUBLIC_ONLY } from '../../shared/transport/destination';
import { sendForeign } from '../../shared/transport/foreign';
import { openSender } from '../../shared/sending/sender';
import { settle } from '../../shared/errors/settle';
import { errorJson } from './errorItem';
import { readExecutionOptions, type ExecutionOptions } from './executionOptions';
import type { AssembledOperation, BinaryTools, OperationDef } from './operation';
import { OutputBudget } from './outputBudget';
import { itemScope, planItem, readItemParams, type Plan } from './plan';
import { runScheduled } from './schedule';
import { stopReport } from './stopReport';

type Planned = Extract<Plan, { ok: true }>;

/** What a host other than the API Server may answer: storage providers answer a few hundred bytes. */
const MAX_FOREIGN_BYTES = 1024 * 1024;

/** One item's request(s): every page of a Get Many, else the one request, shaped into output items. */
/** One output item's data: its JSON, and binary data when the operation fetched files. */
type Shaped = { json: IDataObject; binary?: IBinaryKeyData };

const jsonOnly = (json: IDataObject): Shaped => ({ json });

async function run(op: OperationDef, planned: Planned, tools: BinaryTools, options: ExecutionOptions, budget: OutputBudget): Promise<Shaped[]> {
	const { send } = tools;
	if (planned.steps) {
		const shaped = await planned.steps(tools);
		return (Array.isArray(shaped) ? shaped : [shaped]).map(jsonOnly);
	}
	if (op.list) {
		const list = op.list;
		const records = await collectPages(send, planned.request as RequestSpec, list, planned.limit, options.maxPages, (count) => budget.take(count));
		const items = records.map((item) => (list.toItem ? list.toItem(item, planned.params) : (item as IDataObject)));
		if (!op.binaries) return items.map(jsonOnly);
		const binaries = await op.binaries(items, planned.params, tools);
		return items.map((json, index) => (binaries[index] ? { json, binary: binaries[index] } : { json }));
	}
	const body = await send(planned.request as RequestSpec);
	const shaped = op.output ? op.output(body, planned.params) : (body as IDataObject);
	if (!Array.isArray(shaped)) return [jsonOnly(shaped)];
	checkRecordCount(shaped.length);
	return shaped.map(jsonOnly);
}

/**
 * Runs one operation over every input item. Phase one reads and validates every item without sending
 * anything, so bad input stops the node before any side effect. Phase two sends with bounded concurrency,
 * one request at a time per conversation, paced under the message quota, retrying what may be retried.
 * Output follows input order and every output item is paired to its input item; with Continue On Fail
 * every failing item yields exactly one error item.
 */
export async function runOperation(context: IExecuteFunctions, operation: AssembledOperation, continueOnFail: boolean): Promise<INodeExecutionData[]> {
	const op = operation.definition;
	const items = context.getInputData();
	const node = context.getNode();

	let options: ExecutionOptions;
	try {
		options = readExecutionOptions(readItemParams(context, operation.fields, 0));
	} catch (error) {
		throw toNodeError(node, error, itemScope(context, operation.fields, 0));
	}

	// Stops scheduling when n8n cancels the execution, or when an item fails without Continue On Fail.
	const stop = new AbortController();
	const cancelSignal = context.getExecutionCancelSignal?.();
	const onCancel = () => stop.abort();
	cancelSignal?.addEventListener('abort', onCancel, { once: true });
	if (cancelSignal?.aborted) stop.abort();

	const opened = await settle(
		openSender(context, {
			need: op.key ?? 'master',
			user: `"${op.name}"`,
			policy: options.retry,
			timeoutMs: options.timeoutMs,
			pacing: { requestsPerMinute: options.requestsPerMinute },
			stop: stop.signal,
			// n8n's cancel only aborts requests on the wire: a failure elsewhere lets them finish, since a send on
			// the wire may be delivered either way, and only its answer says so.
			cancel: cancelSignal,
		}),
	);
	if (!opened.ok && !(opened.error instanceof CredentialProblem)) throw opened.error;
	const sender = opened.ok ? opened.value : undefined;
	const problem = opened.ok ? undefined : (opened.error as CredentialProblem);

	const plans: Array<Plan | undefined> = items.map((_, itemIndex) => planItem(context, operation, itemIndex, problem));
	if (!continueOnFail) {
		const invalid = plans.find((entry): entry is Extract<Plan, { ok: false }> => entry !== undefined && !entry.ok);
		if (invalid) {
			cancelSignal?.removeEventListener('abort', onCancel);
			throw invalid.error;
		}
	}

	// Places in each conversation's line, taken now, in input order, in one synchronous loop (no other execution's
	// places come between them): the order belongs to the app, shared by every execution (shared/sending/gates.ts).
	const tickets: Array<Ticket | undefined> = plans.map((entry) =>
		sender && entry?.ok && entry.orderKey !== undefined ? reserve(`${sender.app}|${entry.orderKey}`) : undefined,
	);

	const results: INodeExecutionData[][] = new Array(plans.length);
	const budget = new OutputBudget(options.maxOutputItems);
	const tools: BinaryTools = {
		send: async (spec) => await (sender as NonNullable<typeof sender>).send(spec),
		sendForeign: async (request, source, maxBytes = MAX_FOREIGN_BYTES) =>
			await sendForeign(context, request, { source, timeoutMs: options.timeoutMs, maxBytes, signal: cancelSignal, secrets: sender?.secrets ?? [], reach: sender?.reach ?? PUBLIC_ONLY }),
		prepareBinary: async (bytes, fileName, mimeType) => await context.helpers.prepareBinaryData(bytes, fileName, mimeType),
		downloaded: { bytes: 0 },
	};
	let fatal: { error: NodeApiError | NodeOperationError; itemIndex: number } | undefined;
	const runItem = async (itemIndex: number) => {
		const entry = plans[itemIndex] as Plan;
		plans[itemIndex] = undefined; // done with it: memory follows the output, not the waiting work
		const pairedItem = { item: itemIndex };
		if (!entry.ok || !sender) {
			if (!entry.ok) results[itemIndex] = [{ json: errorJson(entry.error), pairedItem }];
			return;
		}
		const ticket = tickets[itemIndex];
		const outcome = await settle(
			(async () => {
				if (ticket) await waitTurn(ticket, stop.signal);
				return await run(op, entry, tools, options, budget);
			})(),
		);
		if (ticket) release(ticket);
		if (outcome.ok) {
			results[itemIndex] = outcome.value.map((shaped) => ({ ...shaped, pairedItem }));
			return;
		}
		// Stopped before it was sent (cancel, or another item's failure): it stays without a result.
		if (outcome.error instanceof CancelledError) return;
		const failure = toNodeError(node, outcome.error, itemScope(context, operation.fields, itemIndex));
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
	if (!scheduled.ok && !(scheduled.error instanceof CancelledError)) throw toNodeError(node, scheduled.error, itemScope(context, operation.fields, 0));
	if (fatal) {
		// The run stops at the first failure, but items already on the wire were delivered: say which, so a
		// re-run can skip them instead of sending them twice.
		const report = stopReport(results, fatal.itemIndex, items.length);
		if (report) fatal.error.description = [fatal.error.description, report].filter(Boolean).join('\n\n');
		throw fatal.error;
	}
	if (cancelSignal?.aborted) throw new NodeOperationError(node, 'The execution was cancelled while sending');
	return results.flat();
}
