import type { IDataObject } from 'n8n-workflow';

import type { ListSpec } from './listSpec';
import type { Params } from '../params/params';

export type ItemMapper = (item: unknown, params: Params) => IDataObject;

export function arrayAt(body: unknown, key?: string): unknown[] {
	const value = key === undefined ? body : (body as IDataObject | undefined)?.[key];
	return Array.isArray(value) ? value : [];
}

/** `skip`/`limit` paging (conversation queries): a page shorter than asked is the last one. */
export function skipLimitPages(itemsKey: string | ((body: unknown) => unknown[]), pageSize: number, toItem?: ItemMapper): ListSpec {
	return {
		pageSize,
		limitParam: 'limit',
		items: (body) => (typeof itemsKey === 'function' ? itemsKey(body) : arrayAt(body, itemsKey)),
		nextPage: (_body, items, query) =>
			items.length < Number(query.limit) ? undefined : { skip: Number(query.skip ?? 0) + items.length },
		toItem,
	};
}

/**
 * Bare-array pages whose next page starts after the last record (history, subscription lists): `cursor` turns
 * that record into the next page's query. A page shorter than asked is the last one.
 */
export function lastRecordPages(pageSize: number, cursor: (last: IDataObject, query: IDataObject) => IDataObject, toItem?: ItemMapper): ListSpec {
	return {
		pageSize,
		limitParam: 'limit',
		items: (body) => arrayAt(body),
		nextPage: (_body, items, query) => (items.length < Number(query.limit) ? undefined : cursor(items[items.length - 1] as IDataObject, query)),
		toItem,
	};
}
