import type { IBinaryKeyData, IDataObject, INodeProperties } from 'n8n-workflow';

import type { BinaryTools } from '../engine/operation';
import { downloadFiles } from '../../shared/files/download';
import { downloadFields, readDownload } from '../../shared/fields/downloadFields';

import { historyPages } from '../../shared/paging/historyPages';
import { simplifyRecord } from '../../shared/messages/simplify';
import type { Params } from '../../shared/params/params';
import { returnAllAndLimit } from './common';

/** Every history operation's pages: Simplify (on by default) gives camelCase fields with rich content parsed. */
export const historyList = historyPages((item, p) => (p.boolean('simplify', true) ? simplifyRecord(item as IDataObject) : (item as IDataObject)));

/** Newest or oldest first: the order of a time-ordered list (history, subscriptions). */
export function orderField(defaultOrder: 'newestFirst' | 'oldestFirst', description: string): INodeProperties {
	return {
		displayName: 'Order',
		name: 'order',
		type: 'options',
		default: defaultOrder,
		options: [
			{ name: 'Newest First', value: 'newestFirst' },
			{ name: 'Oldest First', value: 'oldestFirst' },
		],
		description,
	};
}

/** The files of a history's file messages, with Download Files on (see OperationDef.binaries). */
export async function historyBinaries(items: IDataObject[], p: Params, tools: BinaryTools): Promise<Array<IBinaryKeyData | undefined>> {
	const download = readDownload(p);
	if (!download) return items.map(() => undefined);
	const files = await downloadFiles(items, tools, download, tools.downloaded);
	return files.map((file) => (file ? { [download.property]: file } : undefined));
}

/** Return All + Limit, Simplify and the time window: the fields of every history operation. */
export const historyFields: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return camelCase fields (messageId, timestamp, fromClient, content) with rich content parsed (contentType, text, fileUrl, location), instead of the raw records',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Order and time window of the history, and whether to download the files of file messages',
		options: [
			{ displayName: 'After', name: 'after', type: 'dateTime', default: '', description: 'Only messages sent after this time' },
			{ displayName: 'Before', name: 'before', type: 'dateTime', default: '', description: 'Only messages sent before this time' },
			// Alphabetical, as n8n lists collection options: Download Files, Max File Size, Max Total Size, Order, Put File in Field.
			...downloadFields.slice(0, 3),
			orderField('newestFirst', 'Order of the returned messages'),
			downloadFields[3],
		],
	},
];

/** The first page's query for the item's order and time window (the same parameters on every history endpoint). */
export function historyQuery(p: Params): IDataObject {
	const options = p.collection('options');
	const after = options.timestampMs('after');
	const before = options.timestampMs('before');
	if (after !== undefined && before !== undefined && after >= before) {
		options.fail('after', 'must be earlier than Before');
	}
	// Checked in phase one, though used once the pages are read.
	readDownload(p);
	// The API pages from a start point towards an end point; which bound is which depends on the order.
	const oldestFirst = options.string('order') === 'oldestFirst';
	const [start, end] = oldestFirst ? [after, before] : [before, after];
	const query: IDataObject = {};
	if (oldestFirst) query.reversed = true;
	if (start !== undefined) query.timestamp = start;
	if (end !== undefined) query.till_timestamp = end;
	return query;
}
