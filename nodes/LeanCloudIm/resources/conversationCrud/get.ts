import type { IDataObject } from 'n8n-workflow';

import { kindLocator, objectIdSegment, type ConversationKind } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { ResponseProblem } from '../../../shared/errors/responseProblem';

export function getOperation(kind: ConversationKind): OperationDef {
	return {
		value: 'get',
		name: 'Get',
		action: `Get a ${kind.noun}`,
		description: `Get a ${kind.noun} by its ID, with its name, attributes and other fields`,
		properties: [kindLocator(kind, `The ${kind.noun} to get`)],
		request(p) {
			const id = objectIdSegment(p).value;
			return { method: 'GET', path: rtm`${kind.collection}`, query: { where: JSON.stringify({ objectId: id }), limit: 1 } };
		},
		output(body, p) {
			const results = (body as { results?: unknown[] } | undefined)?.results;
			if (!Array.isArray(results) || results.length === 0) {
				throw new ResponseProblem(
					`No ${kind.noun} with ID "${p.string('conversationId')}" exists`,
					`LeanCloud found no ${kind.noun} with this ID. Check the ID, and that it is a ${kind.noun} (not another kind of conversation).`,
				);
			}
			return results[0] as IDataObject;
		},
	};
}
