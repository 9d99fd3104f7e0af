import type { IDataObject } from 'n8n-workflow';

import { objectIdSegment } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { clientField } from './fields';

export const getUnreadCount: OperationDef = {
	value: 'getUnreadCount',
	name: 'Get Unread Count',
	action: 'Get a client\'s unread message count',
	description: 'Count a client\'s unread messages, in one conversation or in all of them (uses the App Key when set, else the Master Key)',
	key: 'appOrMaster',
	properties: [
		clientField,
		{
			displayName: 'Conversation ID',
			name: 'unreadIn',
			type: 'string',
			default: '',
			placeholder: 'e.g. 5a5d7432f8de3e0044b1b2c5',
			description: 'Count only this conversation\'s unread messages. Empty counts every conversation.',
		},
	],
	request(p) {
		const query: IDataObject = {};
		if (p.has('unreadIn')) query.conv_id = objectIdSegment(p, 'unreadIn').value;
		return { method: 'GET', path: rtm`clients/${p.clientIdSegment('clientId')}/unread-count`, query };
	},
	output(body, p) {
		const json: IDataObject = { clientId: p.string('clientId') };
		if (p.has('unreadIn')) json.conversationId = p.string('unreadIn');
		json.unreadCount = (body as IDataObject | undefined)?.count as number;
		return json;
	},
};
