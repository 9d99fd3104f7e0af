import { clientIdsField } from '../../fields/common';
import { CONVERSATION, kindLocator, objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';

export const enable: OperationDef = {
	value: 'enable',
	name: 'Turn On',
	action: 'Turn on push notifications for members',
	description: 'Resume offline push notifications of a conversation for some members',
	properties: [kindLocator(CONVERSATION), clientIdsField({ description: 'Client IDs that should get push notifications again' })],
	request(p) {
		const id = objectIdSegment(p);
		return { method: 'DELETE', path: rtm`conversations/${id}/mutes`, body: { client_ids: p.clientIds('clientIds', { max: 500 }) } };
	},
};
