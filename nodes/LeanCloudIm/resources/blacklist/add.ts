import { clientIdsField } from '../../fields/common';
import { ALL_KINDS, objectIdSegment } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { blacklistTarget, maxBlacklisted } from './fields';

export const add: OperationDef = {
	value: 'add',
	name: 'Add',
	action: 'Blacklist clients',
	description: 'Remove clients from a conversation, chat room or service conversation and stop them from joining again',
	properties: [...blacklistTarget, clientIdsField({ description: 'Client IDs to blacklist, separated by commas' })],
	request(p) {
		const kind = readKind(p, ALL_KINDS);
		const id = objectIdSegment(p);
		return { method: 'POST', path: rtm`${kind.collection}/${id}/blacklists`, body: { client_ids: p.clientIds('clientIds', { max: maxBlacklisted(kind) }) } };
	},
	output: (_body, p) => ({ conversationId: p.string('conversationId'), clientIds: p.clientIds('clientIds'), blacklisted: true }),
};
