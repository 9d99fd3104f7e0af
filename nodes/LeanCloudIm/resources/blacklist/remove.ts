import { clientIdsField } from '../../fields/common';
import { ALL_KINDS, objectIdSegment } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { blacklistTarget, maxBlacklisted } from './fields';

export const remove: OperationDef = {
	value: 'remove',
	name: 'Remove',
	action: 'Remove clients from a blacklist',
	description: 'Let blacklisted clients join again (they are not added back)',
	properties: [...blacklistTarget, clientIdsField({ description: 'Client IDs to take off the blacklist, separated by commas' })],
	request(p) {
		const kind = readKind(p, ALL_KINDS);
		const id = objectIdSegment(p);
		// This DELETE takes a JSON body, as LeanCloud documents it.
		return { method: 'DELETE', path: rtm`${kind.collection}/${id}/blacklists`, body: { client_ids: p.clientIds('clientIds', { max: maxBlacklisted(kind) }) } };
	},
	output: (_body, p) => ({ conversationId: p.string('conversationId'), clientIds: p.clientIds('clientIds'), blacklisted: false }),
};
