import { objectIdSegment } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { ROLE_KINDS, roleIdField, roleTarget } from './fields';

export const remove: OperationDef = {
	value: 'remove',
	name: 'Remove',
	action: 'Remove a member\'s role',
	description: 'Delete a member\'s role entry; the member stays, with no special role',
	properties: [...roleTarget, roleIdField],
	request(p) {
		const kind = readKind(p, ROLE_KINDS);
		const id = objectIdSegment(p);
		return { method: 'DELETE', path: rtm`${kind.collection}/${id}/member-infos/${p.id('roleId')}` };
	},
	output: (_body, p) => ({ conversationId: p.string('conversationId'), roleId: p.string('roleId'), deleted: true }),
};
