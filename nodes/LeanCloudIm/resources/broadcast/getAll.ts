import type { IDataObject } from 'n8n-workflow';

import { returnAllAndLimit } from '../../fields/common';
import { objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { skipLimitPages } from '../../../shared/paging/pagers';
import { rtm } from '../../../shared/params/path';
import { senderConversationLocator } from './fields';

/** LeanCloud names no response shape for this list (README, "API facts the code relies on"): a bare array or a `results`/`result` list are all accepted. */
function broadcasts(body: unknown): unknown[] {
	if (Array.isArray(body)) return body;
	const object = (body ?? {}) as IDataObject;
	const list = object.results ?? object.result;
	return Array.isArray(list) ? list : [];
}

export const getAll: OperationDef = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many app-wide broadcasts',
	description: 'List the app-wide broadcasts of a service conversation that are still valid',
	properties: [senderConversationLocator, ...returnAllAndLimit()],
	request(p) {
		return { method: 'GET', path: rtm`broadcasts`, query: { conv_id: objectIdSegment(p).value } };
	},
	list: skipLimitPages(broadcasts, 100),
};
