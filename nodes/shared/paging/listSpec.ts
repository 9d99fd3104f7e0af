import type { IDataObject } from 'n8n-workflow';

import type { Params } from '../params/params';

/**
 * How a Get Many operation pages. The executor owns the loop (Return All / Limit, stopping early);
 * the declaration only says where the items are and how the next page is asked for.
 */
export interface ListSpec {
	/** Largest page the endpoint returns; `Infinity` for endpoints that return everything at once. */
	pageSize: number;
	/** Query parameter that carries the page size, if the endpoint has one. */
	limitParam?: string;
	/** The page's items, from the response body. */
	items(body: unknown): unknown[];
	/** Query changes for the page after `items`, or undefined when this was the last page. */
	nextPage?(body: unknown, items: unknown[], query: IDataObject): IDataObject | undefined;
	/** Turns one item into one output item. */
	toItem?(item: unknown, params: Params): IDataObject;
}
