import { type ConversationKind } from '../../../shared/conversations/kinds';
import { returnAllAndLimit } from '../../fields/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { conversationPages, whereField, whereQuery } from './fields';

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
