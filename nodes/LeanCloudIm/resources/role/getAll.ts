import type { IDataObject } from 'n8n-workflow';

import { returnAllAndLimit } from '../../fields/common';
import { objectIdSegment } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { skipLimitPages } from '../../../shared/paging/pagers';
import { rtm } from '../../../shared/params/path';
import { ROLE_KINDS, readRole, roleField, roleTarget } from './fields';

/** Member-infos are a storage class: pages of 100, as LeanCloud's storage queries are known to honour. */
const ROLE_PAGE_SIZE = 100;

export const getAll: OperationDef = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many member roles',
	description: 'List the members that have a role in a conversation or chat room, optionally only one role',
	properties: [
		...roleTarget,
		...returnAllAndLimit(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			description: 'Which role entries to return',
			options: [{ ...roleField('Only members with this role'), default: 'Manager' }],
		},
	],
	request(p) {
		const kind = readKind(p, ROLE_KINDS);
		const filters = p.collection('filters');
		const query = filters.has('role') ? { role: readRole(filters) } : {};
		return { method: 'GET', path: rtm`${kind.collection}/${objectIdSegment(p)}/member-infos`, query };
	},
	list: skipLimitPages('results', ROLE_PAGE_SIZE, (item, p) => {
		const entry = item as IDataObject;
		return { conversationId: p.string('conversationId'), clientId: entry.clientId, role: entry.role, roleId: entry.objectId };
	}),
};
