import { NodeOperationError, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { operationFields } from './executionOptions';
import type { OperationDef } from './operation';
import { Params, type ParameterError } from './params';

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

const fieldIndex = new WeakMap<OperationDef, Map<string, INodeProperties>>();

/**
 * The item's parameters, read from n8n lazily at this item's index (expressions resolved): only the fields
 * the operation actually uses are read. Fields hidden by the item's other values read as their default.
 */
export function readParams(context: IExecuteFunctions, op: OperationDef, itemIndex: number): Params {
	let fields = fieldIndex.get(op);
	if (!fields) {
		fields = new Map(operationFields(op).map((property) => [property.name, property]));
		fieldIndex.set(op, fields);
	}
	const byName = fields;
	return new Params((name) => {
		const property = byName.get(name);
		if (!property) return undefined;
		return context.getNodeParameter(name, itemIndex, property.default, { extractValue: property.type === 'resourceLocator' });
	});
}

export function parameterError(context: IExecuteFunctions, op: OperationDef, error: ParameterError, itemIndex: number) {
	const label = parameterLabel(operationFields(op), error.parameter);
	return new NodeOperationError(context.getNode(), `"${label}" ${error.message} [item ${itemIndex}]`, {
		itemIndex,
		description: error.hint ?? `Fix "${label}" for this item and run the node again.`,
	});
}
