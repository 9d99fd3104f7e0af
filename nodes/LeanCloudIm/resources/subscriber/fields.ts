import type { IDataObject } from 'n8n-workflow';

import { kindLocator, SERVICE_CONVERSATION } from '../../descriptions/kinds';
import type { ListSpec } from '../../engine/operation';

export const serviceConversationLocator = kindLocator(SERVICE_CONVERSATION);

/** Largest page the subscription lists return. */
export const SUBSCRIPTION_PAGE_SIZE = 50;

/** A subscription record (`{timestamp, subscriber, conv_id}`) in the node's camelCase names. */
export function subscriptionItem(item: unknown): IDataObject {
	const record = (item ?? {}) as IDataObject;
	return { conversationId: record.conv_id, clientId: record.subscriber, subscribedAt: record.timestamp };
}

/**
 * Subscription lists are bare arrays paged by a cursor made of the last record: `cursor` says which of its
 * fields the next request passes (a page shorter than asked is the last one).
 */
export function subscriptionPages(cursor: (last: IDataObject) => IDataObject): ListSpec {
	return {
		pageSize: SUBSCRIPTION_PAGE_SIZE,
		limitParam: 'limit',
		items: (body) => (Array.isArray(body) ? body : []),
		nextPage: (_body, items, query) =>
			items.length < Number(query.limit) ? undefined : cursor(items[items.length - 1] as IDataObject),
		toItem: subscriptionItem,
	};
}
