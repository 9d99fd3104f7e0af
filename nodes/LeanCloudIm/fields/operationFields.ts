import type { INodeProperties } from 'n8n-workflow';

import type { OperationDef } from '../engine/operation';
import { allExecutionOptionFields, maxOutputItemsField, maxPagesField, withoutQuota } from './executionOptions';

/**
 * The operation's parameters as the node shows them: its own, with the execution options added to its "Options"
 * collection (created when the operation has none).
 * The quota options appear only on operations in the normal message bucket: reads do not count against a quota,
 * and broadcast quotas (10 to 30 a minute) are learned from LeanCloud's 429 answers.
 */
export function operationFields(op: OperationDef): INodeProperties[] {
	const { properties } = op;
	// Nothing is sent: pace, retries and timeout do not apply.
	if (op.reply) return properties;
	// Max Pages and Max Output Items only where the operation pages; sorted by name, as n8n shows collection options.
	const executionOptionFields = [...(op.bucket === 'normal' ? allExecutionOptionFields : withoutQuota), ...(op.list ? [maxOutputItemsField, maxPagesField] : [])].sort((a, b) =>
		a.displayName.localeCompare(b.displayName),
	);
	const existing = properties.find((property) => property.name === 'options' && property.type === 'collection');
	if (!existing) {
		return [
			...properties,
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				description: 'Pace, concurrency, retries and timeout of the requests',
				options: executionOptionFields,
			},
		];
	}
	const merged = [...(existing.options as INodeProperties[]), ...executionOptionFields].sort((a, b) => a.displayName.localeCompare(b.displayName));
	return properties.map((property) => (property === existing ? { ...existing, options: merged } : property));
}
