import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { CONVERSATION, CONVERSATION_PAGE_SIZE, type ConversationKind } from '../../../shared/conversations/kinds';
import { clientIdsField } from '../../fields/common';
import type { Params } from '../../../shared/params/params';
import { skipLimitPages } from '../../../shared/paging/pagers';

/** What the create, get-many and update operations of every kind of conversation share. */
export const attributesField: INodeProperties = {
	displayName: 'Custom Attributes',
	name: 'attributes',
	type: 'json',
	default: '{}',
	description: 'Your own attributes as a JSON object, stored in the attr field, e.g. {"ticketId": "T-42"}',
};

export function memberFields(kind: ConversationKind): INodeProperties[] {
	if (kind !== CONVERSATION) return [];
	return [
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
	];
}

/** A LeanCloud storage query condition on conversation fields (the `where` parameter of every conversation query). */
export function whereField(noun: string, example: string): INodeProperties {
	return {
		displayName: 'Filter (JSON)',
		name: 'where',
		type: 'json',
		default: '{}',
		description: `A LeanCloud query condition on ${noun} fields, e.g. ${example} or {"name": {"$regex": "^Support"}}`,
	};
}

/** The query for the item's Filter: `where` as JSON text, or nothing when the filter is empty. */
export function whereQuery(p: Params): IDataObject {
	const where = p.jsonObject('where');
	return where && Object.keys(where).length ? { where: JSON.stringify(where) } : {};
}

export const conversationPages = skipLimitPages('results', CONVERSATION_PAGE_SIZE);
