import { objectIdSegment, SERVICE_CONVERSATION } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { historyBinaries, historyFields, historyList, historyQuery } from '../../fields/history';
import { MESSAGE_KINDS, messageTarget, subscriberField } from './fields';

export const getAll: OperationDef = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many messages',
	description:
		'Get the message history (kept by LeanCloud for 6 months) of a conversation, a chat room, or one subscriber of a service conversation',
	properties: [
		...messageTarget,
		subscriberField('The subscriber whose history to get: their broadcasts and the messages sent to them'),
		...historyFields,
	],
	request(p) {
		const kind = readKind(p, MESSAGE_KINDS);
		const id = objectIdSegment(p);
		const query = historyQuery(p);
		if (kind === SERVICE_CONVERSATION) {
			const subscriber = p.clientIdSegment('subscriberId');
			return { method: 'GET', path: rtm`service-conversations/${id}/subscribers/${subscriber}/messages`, query };
		}
		return { method: 'GET', path: rtm`${kind.collection}/${id}/messages`, query };
	},
	list: historyList,
	binaries: historyBinaries,
};
