import type { IDataObject } from 'n8n-workflow';

import { clientIdField } from '../../../shared/fields/clientIdField';
import { objectIdSegment } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { ROLE_KINDS, readRole, roleField, roleTarget } from './fields';

export const add: OperationDef = {
	value: 'add',
	name: 'Add',
	action: 'Give a member a role',
	description: 'Give a member of a conversation or chat room a role (Manager, Member or Owner)',
	properties: [...roleTarget, clientIdField({ description: 'Client ID of the member' }), roleField('The role to give')],
	request(p) {
		const kind = readKind(p, ROLE_KINDS);
		// This endpoint is the one place LeanCloud spells the client ID in camelCase.
		const body = { clientId: p.clientId('clientId'), role: readRole(p) };
		return { method: 'POST', path: rtm`${kind.collection}/${objectIdSegment(p)}/member-infos`, body };
	},
	output: (body, p) => ({
		conversationId: p.string('conversationId'),
		clientId: p.string('clientId'),
		role: p.string('role'),
		roleId: (body as IDataObject | undefined)?.objectId as string,
	}),
};
