import { returnAllAndLimit } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { skipLimitPages } from '../../engine/pagers';
import { rtm } from '../../engine/path';

export const getAll: OperationDef = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many conversations',
	description: 'Query one-to-one and group conversations, optionally filtered',
	properties: [
		...returnAllAndLimit(),
		{
			displayName: 'Filter (JSON)',
			name: 'where',
			type: 'json',
			default: '{}',
			description:
				'A LeanCloud query condition on conversation fields, e.g. {"m": "alice"} for conversations alice is in, or {"name": {"$regex": "^Support"}}',
		},
	],
	request(p) {
		const where = p.jsonObject('where');
		const query = where && Object.keys(where).length ? { where: JSON.stringify(where) } : {};
		return { method: 'GET', path: rtm`conversations`, query };
	},
	// 100 is the page size LeanCloud's storage queries are known to honour.
	list: skipLimitPages('results', 100),
};
