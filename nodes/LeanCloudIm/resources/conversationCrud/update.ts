import type { IDataObject } from 'n8n-workflow';

import { CONVERSATION, kindLocator, objectIdSegment, type ConversationKind } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { attributesField } from './fields';

export function updateOperation(kind: ConversationKind): OperationDef {
	const membersNote = kind === CONVERSATION ? ' (members have their own operations)' : '';
	return {
		value: 'update',
		name: 'Update',
		action: `Update a ${kind.noun}`,
		description: `Change a ${kind.noun}'s name, attributes or other fields${membersNote}`,
		properties: [
			kindLocator(kind, `The ${kind.noun} to update`),
			{
				displayName: 'Update Fields',
				name: 'updateFields',
				type: 'collection',
				placeholder: 'Add Field',
				default: {},
				description: `The ${kind.noun} fields to change; fields not added here keep their values`,
				options: [
					{ ...attributesField, description: 'Replaces the attr field with this JSON object, e.g. {"status": "closed"}' },
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. Support: ACME Corp (closed)',
						description: `New name of the ${kind.noun}`,
					},
					{
						displayName: 'Other Fields (JSON)',
						name: 'fields',
						type: 'json',
						default: '{}',
						description: `Any other ${kind.noun} fields to set, as a JSON object, e.g. {"topic": "billing"}. Members (m) cannot be set here.`,
					},
				],
			},
		],
		request(p) {
			const id = objectIdSegment(p);
			const fields = p.collection('updateFields');
			const body: IDataObject = { ...(fields.jsonObject('fields') ?? {}) };
			if ('m' in body) fields.fail('fields', 'cannot change members (m); use the Member resource\'s Add or Remove');
			if (fields.has('name')) body.name = fields.requiredString('name');
			const attributes = fields.jsonObject('attributes');
			if (attributes && Object.keys(attributes).length) body.attr = attributes;
			if (!Object.keys(body).length) p.fail('updateFields', 'has nothing to update: add at least one field');
			return { method: 'PUT', path: rtm`${kind.collection}/${id}`, body };
		},
	};
}
