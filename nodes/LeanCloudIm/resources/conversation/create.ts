import type { IDataObject } from 'n8n-workflow';

import { clientIdsField } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';

export const create: OperationDef = {
	value: 'create',
	name: 'Create',
	action: 'Create a conversation',
	description: 'Create a one-to-one or group conversation with initial members',
	properties: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Support: ACME Corp',
			description: 'Name of the conversation, shown to its members',
		},
		clientIdsField({
			displayName: 'Members',
			name: 'members',
			required: false,
			description: 'Client IDs of the initial members. Two members make a one-to-one chat. At most 500.',
		}),
		{
			displayName: 'Unique',
			name: 'unique',
			type: 'boolean',
			default: false,
			description:
				'Whether to reuse the existing conversation with exactly these members instead of creating another one (recommended for one-to-one chats)',
		},
		{
			displayName: 'Custom Attributes',
			name: 'attributes',
			type: 'json',
			default: '{}',
			description: 'Your own attributes as a JSON object, stored in the conversation\'s attr field, e.g. {"ticketId": "T-42"}',
		},
	],
	request(p) {
		const body: IDataObject = { name: p.requiredString('name') };
		const members = p.clientIds('members', { min: 0, max: 500 });
		if (members.length) body.m = members;
		if (p.boolean('unique')) {
			if (!members.length) p.fail('unique', 'needs Members: a unique conversation is identified by its member set');
			body.unique = true;
		}
		const attributes = p.jsonObject('attributes');
		if (attributes && Object.keys(attributes).length) body.attr = attributes;
		return { method: 'POST', path: rtm`conversations`, body };
	},
};
