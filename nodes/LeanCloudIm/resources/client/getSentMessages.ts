import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { historyBinaries, historyFields, historyList, historyQuery } from '../../fields/history';
import { clientField } from './fields';

export const getSentMessages: OperationDef = {
	value: 'getSentMessages',
	name: 'Get Sent Messages',
	action: 'Get messages a client sent',
	description: 'Get the messages a client sent in conversations and chat rooms (kept for 6 months), newest or oldest first',
	properties: [clientField, ...historyFields],
	request(p) {
		return { method: 'GET', path: rtm`clients/${p.clientIdSegment('clientId')}/messages`, query: historyQuery(p) };
	},
	list: historyList,
	binaries: historyBinaries,
};
