import type { IDataObject } from 'n8n-workflow';

import { kindLocator, SERVICE_CONVERSATION } from '../../../shared/conversations/kinds';
import type { ListSpec } from '../../../shared/paging/listSpec';
import { lastRecordPages } from '../../../shared/paging/pagers';

export const serviceConversationLocator = kindLocator(SERVICE_CONVERSATION);

/** Largest page the subscription lists return. */
export const SUBSCRIPTION_PAGE_SIZE = 50;

/** A subscription record (`{timestamp, subscriber, conv_id}`) in the node's camelCase names. */
export function subscriptionItem(item: unknown): IDataObject {
	const record = (item ?? {}) as IDataObject;
	return { conversationId: record.conv_id, clientId: record.subscriber, subscribedAt: record.timestamp };
}

/** Subscription lists: bare arrays whose next page starts after the last record; `cursor` picks the fields that say where. */
export function subscriptionPages(cursor: (last: IDataObject) => IDataObject): ListSpec {
	return lastRecordPages(SUBSCRIPTION_PAGE_SIZE, cursor, subscriptionItem);
}
