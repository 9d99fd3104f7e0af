import type { INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../errors/parameterError';
import { Params } from './params';

/**
 * How a node reads one raw parameter value from n8n (expressions resolved): the action node at an item's index,
 * the trigger at none. `fallback` is the field's default.
 */
export type ParameterSource = (name: string, fallback: unknown, options: { extractValue: boolean }) => unknown;

const fieldIndex = new WeakMap<INodeProperties[], Map<string, INodeProperties>>();

function indexOf(fields: INodeProperties[]): Map<string, INodeProperties> {
	let index = fieldIndex.get(fields);
	if (!index) {
		index = new Map(fields.map((property) => [property.name, property]));
		fieldIndex.set(fields, index);
	}
	return index;
}

/**
 * A node's parameters, read lazily: only the fields the code asks for are read, each once. Fields hidden by
 * other values read as their default; pickers give their value. An expression that fails is a ParameterError
 * naming the field: bad input like any other, not a crash.
 */
export function readNodeParams(fields: INodeProperties[], source: ParameterSource): Params {
	const byName = indexOf(fields);
	return new Params((name) => {
		const property = byName.get(name);
		if (!property) return undefined;
		let value: unknown;
		let failure: Error | undefined;
		try {
			value = source(name, property.default, { extractValue: property.type === 'resourceLocator' });
		} catch (error) {
			failure = error as Error;
		}
		if (failure) throw new ParameterError(name, `could not be read: ${failure.message}`, 'Check the expression in this field.');
		return value;
	});
}
