import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

import { CredentialProblem } from '../errors/credentialProblem';
import { LeanCloudFailure } from '../errors/leanCloudFailure';
import { ParameterError } from '../errors/parameterError';
import { MAX_WAIT_ADVICE, QuotaWaitError } from '../errors/quotaWaitError';
import { ResponseProblem } from '../errors/responseProblem';
import { toNodeApiError } from './apiError';

/** Where a failure happened, so the error says which item and how to fix a parameter there. */
export interface FailureScope {
	/** The action node's item; absent for the trigger and the pickers. */
	itemIndex?: number;
	/** "Options > Push Data" for a (dotted) parameter name, as the user sees the field. */
	labelOf(parameter: string): string;
	/** What to do once a parameter is fixed, e.g. "run the node again". */
	then: string;
}

/**
 * The one mapping from any failure to what n8n shows, for items, trigger polls and pickers alike: LeanCloud's
 * answers (and unexpected 2xx answers) as NodeApiError with code, status and hint; bad parameters, credential
 * problems and quota waits as NodeOperationError naming what to change.
 */
export function toNodeError(node: INode, error: unknown, scope: FailureScope): NodeApiError | NodeOperationError {
	const { itemIndex } = scope;
	const where = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
	if (error instanceof LeanCloudFailure) return toNodeApiError(node, error, itemIndex);
	if (error instanceof ResponseProblem) return toNodeApiError(node, new LeanCloudFailure(error.message, { hint: error.hint }), itemIndex);
	if (error instanceof ParameterError) {
		const label = scope.labelOf(error.parameter);
		const forItem = itemIndex === undefined ? '' : ' for this item';
		return new NodeOperationError(node, `"${label}" ${error.message}${where}`, {
			itemIndex,
			description: error.hint ?? `Fix "${label}"${forItem} and ${scope.then}.`,
		});
	}
	if (error instanceof CredentialProblem) return new NodeOperationError(node, `${error.message}${where}`, { itemIndex, description: error.hint });
	if (error instanceof QuotaWaitError) {
		return new NodeOperationError(node, `${error.message}${where}`, {
			itemIndex,
			description: `LeanCloud asked the node to wait longer than Options > Max Wait for Rate Limit allows. ${MAX_WAIT_ADVICE}`,
		});
	}
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), { itemIndex });
}
