import type { IDataObject } from 'n8n-workflow';

import { conversationLocator } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';

export const update: OperationDef = {
	value: 'update',
	name: 'Update',
	action: 'Update a conversation',
	description: 'Change a conversation\'s name, attributes or other fields (members have their own operations)',
	properties: [
		conversationLocator('The conversation to update'),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			description: 'The conversation fields to change; fields not added here keep their values',
			options: [
				{
					displayName: 'Custom Attributes',
					name: 'attributes',
					type: 'json',
					default: '{}',
					description: 'Replaces the conversation\'s attr field with this JSON object, e.g. {"status": "closed"}',
				},
				{
					displayName: 'Name',
					name: 'name',
					type: 'string',
					default: '',
					placeholder: 'e.g. Support: ACME Corp (closed)',
					description: 'New name of the conversation',
				},
				{
					displayName: 'Other Fields (JSON)',
					name: 'fields',
					type: 'json',
					default: '{}',
					description: 'Any other conversation fields to set, as a JSON object, e.g. {"topic": "billing"}. Members (m) cannot be set here.',
				},
			],
		},
	],
	request(p) {
		const id = p.id('conversationId');
		const fields = p.collection('updateFields');
		const body: IDataObject = { ...(fields.jsonObject('fields') ?? {}) };
		if ('m' in body) fields.fail('fields', 'cannot change members (m); use the Member resource\'s Add or Remove');
		if (fields.has('name')) body.name = fields.requiredString('name');
		const attributes = fields.jsonObject('attributes');
		if (attributes && Object.keys(attributes).length) body.attr = attributes;
		if (!Object.keys(body).length) p.fail('updateFields', 'has nothing to update: add at least one field');
		return { method: 'PUT', path: rtm`conversations/${id}`, body };
	},
};
