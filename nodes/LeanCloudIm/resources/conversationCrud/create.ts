import type { IDataObject } from 'n8n-workflow';

import { CONVERSATION, type ConversationKind } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { attributesField, memberFields } from './fields';

export function createOperation(kind: ConversationKind, description: string): OperationDef {
	return {
		value: 'create',
		name: 'Create',
		action: `Create a ${kind.noun}`,
		description,
		properties: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. Support: ACME Corp',
				description: `Name of the ${kind.noun}, shown in apps`,
			},
			...memberFields(kind),
			attributesField,
		],
		request(p) {
			const body: IDataObject = { name: p.requiredString('name') };
			if (kind === CONVERSATION) {
				const members = p.clientIds('members', { min: 0, max: 500 });
				if (members.length) body.m = members;
				if (p.boolean('unique')) {
					if (!members.length) p.fail('unique', 'needs Members: a unique conversation is identified by its member set');
					body.unique = true;
				}
			}
			const attributes = p.jsonObject('attributes');
			if (attributes && Object.keys(attributes).length) body.attr = attributes;
			return { method: 'POST', path: rtm`${kind.collection}`, body };
		},
	};
}

// The API has no single-conversation endpoint: Get queries by objectId and reports an empty result as 404.
