import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { toNodeError } from '../../shared/reporting/nodeError';
import { errorJson } from './errorItem';
import type { AssembledOperation } from './operation';
import { itemScope, readItemParams } from './plan';

/**
 * Runs an operation that sends nothing (the Hook Reply) over every item: one output item per input item, paired
 * to it. Bad input fails the node naming the parameter and item, or with Continue On Fail becomes that item's
 * error item, as for every other operation.
 */
export function runReplies(context: IExecuteFunctions, operation: AssembledOperation, continueOnFail: boolean): INodeExecutionData[] {
	const reply = operation.definition.reply as NonNullable<typeof operation.definition.reply>;
	return context.getInputData().map((_, itemIndex) => {
		const pairedItem = { item: itemIndex };
		try {
			return { json: reply(readItemParams(context, operation.fields, itemIndex)), pairedItem };
		} catch (error) {
			const failure = toNodeError(context.getNode(), error, itemScope(context, operation.fields, itemIndex));
			if (!continueOnFail) throw failure;
			return { json: errorJson(failure), pairedItem };
		}
	});
}
