import { clientIdsField, conversationLocator } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';

export const enable: OperationDef = {
	value: 'enable',
	name: 'Turn On',
	action: 'Turn on push notifications for members',
	description: 'Resume offline push notifications of a conversation for some members',
	properties: [conversationLocator(), clientIdsField({ description: 'Client IDs that should get push notifications again' })],
	request(p) {
		const id = p.id('conversationId');
		return { method: 'DELETE', path: rtm`conversations/${id}/mutes`, body: { client_ids: p.clientIds('clientIds', { max: 500 }) } };
	},
};
