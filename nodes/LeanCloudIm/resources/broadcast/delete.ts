import { messageReferenceFields } from '../../fields/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';

export const deleteBroadcast: OperationDef = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete an app-wide broadcast',
	description: 'Withdraw an app-wide broadcast: devices that have not received it yet never will',
	properties: [{ ...messageReferenceFields[0], description: 'ID of the app-wide broadcast, as output by Send (messageId)' }],
	request(p) {
		return { method: 'DELETE', path: rtm`broadcasts/${p.id('messageId')}` };
	},
	output: (_body, p) => ({ messageId: p.string('messageId'), deleted: true }),
};
