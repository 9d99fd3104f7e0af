import type { IDataObject } from 'n8n-workflow';

import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';

export const getStats: OperationDef = {
	value: 'getStats',
	name: 'Get Stats',
	action: 'Get usage stats of the app',
	description: 'Get how many users are online now and how many were active today',
	properties: [],
	request() {
		return { method: 'GET', path: rtm`stats` };
	},
	output(body) {
		const result = ((body as IDataObject | undefined)?.result ?? {}) as IDataObject;
		return { onlineUserCount: result.online_user_count, userCountToday: result.user_count_today };
	},
};
