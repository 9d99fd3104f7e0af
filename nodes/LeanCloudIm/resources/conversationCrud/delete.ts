import { kindLocator, objectIdSegment, type ConversationKind } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';

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
