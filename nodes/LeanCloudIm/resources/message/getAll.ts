import type { IDataObject } from 'n8n-workflow';

import { conversationLocator, returnAllAndLimit } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';
import { historyPages } from './history';

export const getAll: OperationDef = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many messages',
	description: 'Get a conversation\'s message history (kept by LeanCloud for 6 months), newest or oldest first',
	properties: [
		conversationLocator(),
		...returnAllAndLimit(),
		{
			displayName: 'Simplify',
			name: 'simplify',
			type: 'boolean',
			default: true,
			description:
				'Whether to return camelCase fields (messageId, timestamp, fromClient, content) with rich content parsed, instead of the raw records',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			description: 'Order and time window of the history',
			options: [
				{ displayName: 'After', name: 'after', type: 'dateTime', default: '', description: 'Only messages sent after this time' },
				{ displayName: 'Before', name: 'before', type: 'dateTime', default: '', description: 'Only messages sent before this time' },
				{
					displayName: 'Order',
					name: 'order',
					type: 'options',
					default: 'newestFirst',
					options: [
						{ name: 'Newest First', value: 'newestFirst' },
						{ name: 'Oldest First', value: 'oldestFirst' },
					],
					description: 'Order of the returned messages',
				},
			],
		},
	],
	request(p) {
		const id = p.id('conversationId');
		const options = p.collection('options');
		const after = options.timestampMs('after');
		const before = options.timestampMs('before');
		if (after !== undefined && before !== undefined && after >= before) {
			options.fail('after', 'must be earlier than Before');
		}
		// The API pages from a start point towards an end point; which bound is which depends on the order.
		const oldestFirst = options.string('order') === 'oldestFirst';
		const [start, end] = oldestFirst ? [after, before] : [before, after];
		const query: IDataObject = {};
		if (oldestFirst) query.reversed = true;
		if (start !== undefined) query.timestamp = start;
		if (end !== undefined) query.till_timestamp = end;
		return { method: 'GET', path: rtm`conversations/${id}/messages`, query };
	},
	list: historyPages,
};
