import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { clientIdsField, returnAllAndLimit } from '../fields/common';
import { CONVERSATION, CONVERSATION_PAGE_SIZE, kindLocator, objectIdSegment, type ConversationKind } from '../../shared/conversations/kinds';
import type { OperationDef } from '../engine/operation';
import type { Params } from '../../shared/params/params';
import { skipLimitPages } from '../../shared/paging/pagers';
import { rtm } from '../../shared/params/path';
import { ResponseProblem } from '../../shared/errors/responseProblem';

/**
 * Create, Get, Get Many, Update and Delete for one kind of conversation. The three kinds share LeanCloud's
 * `_Conversation` model and differ only in their collection, and in members (normal conversations only).
 */


const attributesField: INodeProperties = {
	displayName: 'Custom Attributes',
	name: 'attributes',
	type: 'json',
	default: '{}',
	description: 'Your own attributes as a JSON object, stored in the attr field, e.g. {"ticketId": "T-42"}',
};

function memberFields(kind: ConversationKind): INodeProperties[] {
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
export function getOperation(kind: ConversationKind): OperationDef {
	return {
		value: 'get',
		name: 'Get',
		action: `Get a ${kind.noun}`,
		description: `Get a ${kind.noun} by its ID, with its name, attributes and other fields`,
		properties: [kindLocator(kind, `The ${kind.noun} to get`)],
		request(p) {
			const id = objectIdSegment(p).value;
			return { method: 'GET', path: rtm`${kind.collection}`, query: { where: JSON.stringify({ objectId: id }), limit: 1 } };
		},
		output(body, p) {
			const results = (body as { results?: unknown[] } | undefined)?.results;
			if (!Array.isArray(results) || results.length === 0) {
				throw new ResponseProblem(
					`No ${kind.noun} with ID "${p.string('conversationId')}" exists`,
					`LeanCloud found no ${kind.noun} with this ID. Check the ID, and that it is a ${kind.noun} (not another kind of conversation).`,
				);
			}
			return results[0] as IDataObject;
		},
	};
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

export function getAllOperation(kind: ConversationKind, description: string, filterExample: string): OperationDef {
	return {
		value: 'getAll',
		name: 'Get Many',
		action: `Get many ${kind.noun}s`,
		description,
		properties: [...returnAllAndLimit(), whereField(kind.noun, filterExample)],
		request(p) {
			return { method: 'GET', path: rtm`${kind.collection}`, query: whereQuery(p) };
		},
		list: conversationPages,
	};
}

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

export function deleteOperation(kind: ConversationKind, description: string): OperationDef {
	return {
		value: 'delete',
		name: 'Delete',
		action: `Delete a ${kind.noun}`,
		description,
		properties: [kindLocator(kind, `The ${kind.noun} to delete`)],
		request(p) {
			return { method: 'DELETE', path: rtm`${kind.collection}/${objectIdSegment(p)}` };
		},
		output: () => ({ deleted: true }),
	};
}

/** The five operations every kind of conversation has, sorted by name as the picker shows them. */
/** The five operations of one kind, by name: a resource picks them by name, never by position. */
export interface CrudOperations {
	create: OperationDef;
	delete: OperationDef;
	get: OperationDef;
	getAll: OperationDef;
	update: OperationDef;
}

export function crudOperations(
	kind: ConversationKind,
	text: { create: string; getAll: string; filterExample: string; delete: string },
): CrudOperations {
	return {
		create: createOperation(kind, text.create),
		delete: deleteOperation(kind, text.delete),
		get: getOperation(kind),
		getAll: getAllOperation(kind, text.getAll, text.filterExample),
		update: updateOperation(kind),
	};
}
