import type { IDataObject } from 'n8n-workflow';

import { messageReferenceFields } from '../../fields/common';
import { buildMessageContent } from '../messageContent/build';
import { contentFields } from '../messageContent/fields';
import { objectIdSegment, SERVICE_CONVERSATION } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { MAX_RECIPIENTS, MESSAGE_KINDS, messageReference, messageTarget, messageTimestamp, recipientsField } from './fields';

export const update: OperationDef = {
	value: 'update',
	name: 'Update',
	action: 'Update a message',
	description: 'Replace the content of a sent message; recipients see the new content',
	bucket: 'normal',
	properties: [
		...messageTarget,
		...messageReferenceFields,
		recipientsField('The recipients the message was sent to, as given to Send. At most 20.'),
		...contentFields,
	],
	request(p) {
		const kind = readKind(p, MESSAGE_KINDS);
		const id = objectIdSegment(p);
		const messageId = p.id('messageId');
		const body: IDataObject = { from_client: p.clientId('fromClient'), message: buildMessageContent(p), timestamp: messageTimestamp(p) };
		if (kind === SERVICE_CONVERSATION) body.to_clients = p.clientIds('toClients', { max: MAX_RECIPIENTS });
		return { method: 'PUT', path: rtm`${kind.collection}/${id}/messages/${messageId}`, body };
	},
	output: (_body, p) => ({ ...messageReference(p), updated: true }),
};
