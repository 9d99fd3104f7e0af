import type { IDataObject } from 'n8n-workflow';

import type { ListSpec } from '../../shared/paging/listSpec';
import { arrayAt, type ItemMapper } from '../../shared/paging/pagers';

/** How the action node's other lists page (the trigger reads only conversation queries and histories). */

/** Opaque cursor paging (`next` in the response, sent back as `next`): no cursor means no more pages. */
export function cursorPages(itemsKey: string, pageSize: number, toItem?: ItemMapper): ListSpec {
	return {
		pageSize,
		limitParam: 'limit',
		items: (body) => arrayAt(body, itemsKey),
		nextPage: (body) => {
			const next = (body as IDataObject | undefined)?.next;
			return next === undefined || next === null || next === '' ? undefined : { next: String(next) };
		},
		toItem,
	};
}

/** Endpoints that return the whole list at once; Limit is applied to what came back. */
export function singlePage(itemsKey: string, toItem?: ItemMapper): ListSpec {
	return { pageSize: Infinity, items: (body) => arrayAt(body, itemsKey), toItem };
}

/** Wraps a plain client ID into an output item. */
export const clientIdItem: ItemMapper = (item) => ({ clientId: item as string });
