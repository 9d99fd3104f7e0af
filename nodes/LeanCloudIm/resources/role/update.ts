import { objectIdSegment } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { ROLE_KINDS, readRole, roleField, roleIdField, roleTarget } from './fields';

export const update: OperationDef = {
	value: 'update',
	name: 'Update',
	action: 'Change a member\'s role',
	description: 'Change the role of a member\'s role entry',
	properties: [...roleTarget, roleIdField, roleField('The new role')],
	request(p) {
		const kind = readKind(p, ROLE_KINDS);
		const id = objectIdSegment(p);
		return { method: 'PUT', path: rtm`${kind.collection}/${id}/member-infos/${p.id('roleId')}`, body: { role: readRole(p) } };
	},
	output: (_body, p) => ({ conversationId: p.string('conversationId'), roleId: p.string('roleId'), role: p.string('role') }),
};
