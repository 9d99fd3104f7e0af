import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { parameterLabel } from '../../shared/params/parameterLabel';

import { ParameterError } from '../../shared/params/parameterError';
import { Params } from '../../shared/params/params';

const fieldIndex = new WeakMap<INodeProperties[], Map<string, INodeProperties>>();

/**
 * The item's parameters, read from n8n lazily at this item's index (expressions resolved): only the fields
 * the operation actually uses are read. Fields hidden by the item's other values read as their default.
 */
export function readParams(context: IExecuteFunctions, fields: INodeProperties[], itemIndex: number): Params {
	let index = fieldIndex.get(fields);
	if (!index) {
		index = new Map(fields.map((property) => [property.name, property]));
		fieldIndex.set(fields, index);
	}
	const byName = index;
	return new Params((name) => {
		const property = byName.get(name);
		if (!property) return undefined;
		let value: unknown;
		let failure: Error | undefined;
		try {
			value = context.getNodeParameter(name, itemIndex, property.default, { extractValue: property.type === 'resourceLocator' });
		} catch (error) {
			failure = error as Error;
		}
		// An expression that fails for this item is this item's bad input, named like any other.
		if (failure) throw new ParameterError(name, `could not be read: ${failure.message}`, 'Check the expression in this field for this item.');
		return value;
	});
}

export function parameterError(context: IExecuteFunctions, fields: INodeProperties[], error: ParameterError, itemIndex: number) {
	const label = parameterLabel(fields, error.parameter, (name) =>
		context.getNodeParameter(name, itemIndex, undefined),
	);
	return new NodeOperationError(context.getNode(), `"${label}" ${error.message} [item ${itemIndex}]`, {
		itemIndex,
		description: error.hint ?? `Fix "${label}" for this item and run the node again.`,
	});
}
