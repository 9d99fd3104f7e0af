import { clientIdsField } from '../../fields/common';
import { CONVERSATION, kindLocator, objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';

export const disable: OperationDef = {
	value: 'disable',
	name: 'Turn Off',
	action: 'Turn off push notifications for members',
	description: 'Stop offline push notifications of a conversation for some members; they can still send and receive messages',
	properties: [kindLocator(CONVERSATION), clientIdsField({ description: 'Client IDs that should stop getting push notifications' })],
	request(p) {
		const id = objectIdSegment(p);
		return { method: 'POST', path: rtm`conversations/${id}/mutes`, body: { client_ids: p.clientIds('clientIds', { max: 500 }) } };
	},
};
