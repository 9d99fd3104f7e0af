import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { APP_KEY_FIELD, MASTER_KEY_FIELD } from '../../../credentials/LeanCloudImApi.credentials';
import { CREDENTIAL_TYPE, LeanCloudFailure, sendRequest } from '../transport/request';
import { toNodeApiError } from './errors';
import type { OperationDef, RequestSpec } from './operation';
import { collectPages } from './paginate';
import { ParameterError, Params } from './params';

/** What phase one decided for an item: the request to send, or the error to report. */
type Plan =
	| { ok: true; params: Params; request: RequestSpec; limit: number }
	| { ok: false; error: NodeOperationError };

/** "Options > Push Data" style label for a (possibly dotted) parameter name, from the operation's properties. */
export function parameterLabel(properties: INodeProperties[], dotted: string): string {
	const labels: string[] = [];
	let scope: Array<{ name: string; displayName?: string; options?: unknown; values?: unknown }> = properties;
	for (const name of dotted.split('.')) {
		const property = scope.find((candidate) => candidate.name === name);
		if (!property) {
			labels.push(name);
			break;
		}
		labels.push(property.displayName ?? name);
		const nested = Array.isArray(property.values) ? property.values : property.options;
		scope = Array.isArray(nested) ? (nested as typeof scope) : [];
	}
	return labels.join(' > ');
}

function readParams(context: IExecuteFunctions, op: OperationDef, itemIndex: number): Params {
	const values: IDataObject = {};
	for (const property of op.properties) {
		if (property.name in values) continue;
		// Parameters hidden by this item's other values (e.g. Limit when Return All is on) read as their default.
		values[property.name] = context.getNodeParameter(property.name, itemIndex, property.default, {
			extractValue: property.type === 'resourceLocator',
		}) as IDataObject[string];
	}
	return new Params(values);
}

function parameterError(context: IExecuteFunctions, op: OperationDef, error: ParameterError, itemIndex: number) {
	const label = parameterLabel(op.properties, error.parameter);
	return new NodeOperationError(context.getNode(), `"${label}" ${error.message} [item ${itemIndex}]`, {
		itemIndex,
		description: error.hint ?? `Fix "${label}" for this item and run the node again.`,
	});
}

function plan(context: IExecuteFunctions, op: OperationDef, itemIndex: number, missingKey?: string): Plan {
	if (missingKey) {
		return {
			ok: false,
			error: new NodeOperationError(
				context.getNode(),
				`The credential has no ${missingKey}, which "${op.name}" needs [item ${itemIndex}]`,
				{ itemIndex, description: `Add the ${missingKey} to the LeanCloud IM API credential.` },
			),
		};
	}
	try {
		const params = readParams(context, op, itemIndex);
		const request = op.request(params);
		let limit = 1;
		if (op.list) {
			limit = params.boolean('returnAll') ? Infinity : params.integer('limit', { min: 1, max: Number.MAX_SAFE_INTEGER });
		}
		return { ok: true, params, request, limit };
	} catch (error) {
		if (error instanceof ParameterError) return { ok: false, error: parameterError(context, op, error, itemIndex) };
		throw new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	}
}

async function run(context: IExecuteFunctions, op: OperationDef, planned: Extract<Plan, { ok: true }>): Promise<IDataObject[]> {
	const key = op.key ?? 'master';
	const send = async (spec: RequestSpec) => await sendRequest(context, spec, key);
	if (op.list) {
		const list = op.list;
		const items = await collectPages(send, planned.request, list, planned.limit);
		return items.map((item) => (list.toItem ? list.toItem(item, planned.params) : (item as IDataObject)));
	}
	const body = await send(planned.request);
	const shaped = op.output ? op.output(body, planned.params) : (body as IDataObject);
	return Array.isArray(shaped) ? shaped : [shaped];
}

function errorJson(error: NodeApiError | NodeOperationError): IDataObject {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError) {
		const response = error.errorResponse as IDataObject | undefined;
		if (response?.code !== undefined) json.code = response.code;
		if (error.httpCode) json.httpCode = error.httpCode;
	}
	return json;
}

/**
 * Runs one operation over every input item. Phase one reads and validates every item without sending
 * anything, so bad input stops the node before any side effect; phase two sends. Output follows input
 * order and every output item is paired to its input item; with Continue On Fail every failing item
 * yields exactly one error item.
 */
export async function runOperation(
	context: IExecuteFunctions,
	op: OperationDef,
	continueOnFail: boolean,
): Promise<INodeExecutionData[]> {
	const items = context.getInputData();
	const credentials = await context.getCredentials(CREDENTIAL_TYPE);
	const master = (op.key ?? 'master') === 'master';
	const keyField = master ? MASTER_KEY_FIELD : APP_KEY_FIELD;
	const keyName = master ? 'Master Key' : 'App Key';
	const hasKey = typeof credentials[keyField] === 'string' && (credentials[keyField] as string).trim() !== '';

	const plans = items.map((_, itemIndex) => plan(context, op, itemIndex, hasKey ? undefined : keyName));
	if (!continueOnFail) {
		const invalid = plans.find((entry): entry is Extract<Plan, { ok: false }> => !entry.ok);
		if (invalid) throw invalid.error;
	}

	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < plans.length; itemIndex++) {
		const entry = plans[itemIndex];
		const pairedItem = { item: itemIndex };
		if (!entry.ok) {
			output.push({ json: errorJson(entry.error), pairedItem });
			continue;
		}
		try {
			const results = await run(context, op, entry);
			for (const json of results) output.push({ json, pairedItem });
		} catch (error) {
			let failure: NodeApiError | NodeOperationError;
			if (error instanceof LeanCloudFailure) failure = toNodeApiError(context.getNode(), error, itemIndex);
			else if (error instanceof ParameterError) failure = parameterError(context, op, error, itemIndex);
			else if (error instanceof NodeApiError || error instanceof NodeOperationError) failure = error;
			else failure = new NodeOperationError(context.getNode(), error as Error, { itemIndex });
			if (!continueOnFail) throw failure;
			output.push({ json: errorJson(failure), pairedItem });
		}
	}
	return output;
}
