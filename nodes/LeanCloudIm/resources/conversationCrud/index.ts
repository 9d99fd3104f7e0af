import type { ConversationKind } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { createOperation } from './create';
import { deleteOperation } from './delete';
import { getOperation } from './get';
import { getAllOperation } from './getAll';
import { updateOperation } from './update';

/**
 * Create, Get, Get Many, Update and Delete for one kind of conversation. The three kinds share LeanCloud's
 * `_Conversation` model and differ only in their collection, and in members (normal conversations only).
 */

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
