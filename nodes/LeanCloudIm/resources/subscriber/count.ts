import type { IDataObject } from 'n8n-workflow';

import { objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { serviceConversationLocator } from './fields';

export const count: OperationDef = {
	value: 'count',
	name: 'Count',
	action: 'Count subscribers',
	description: 'Get the number of clients subscribed to a service conversation',
	properties: [serviceConversationLocator],
	request(p) {
		return { method: 'GET', path: rtm`service-conversations/${objectIdSegment(p)}/subscribers/count` };
	},
	output: (body, p) => ({ conversationId: p.string('conversationId'), count: (body as IDataObject | undefined)?.count as number }),
};
