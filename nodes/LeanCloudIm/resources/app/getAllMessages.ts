import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { historyBinaries, historyFields, historyList, historyQuery } from '../../fields/history';

export const getAllMessages: OperationDef = {
	value: 'getAllMessages',
	name: 'Get Many Messages',
	action: 'Export the app\'s messages',
	description: 'Get every message of the app (kept for 6 months), newest or oldest first: LeanCloud\'s recommended way to export chat data',
	properties: [...historyFields],
	request(p) {
		return { method: 'GET', path: rtm`messages`, query: historyQuery(p) };
	},
	list: historyList,
	binaries: historyBinaries,
};
