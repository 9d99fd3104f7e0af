import { returnAllAndLimit } from '../../fields/common';
import { objectIdSegment } from '../../../shared/conversations/kinds';
import { readKind } from '../../fields/conversationType';
import type { OperationDef } from '../../engine/operation';
import { clientIdItem, cursorPages } from '../pagers';
import { rtm } from '../../../shared/params/path';
import { MUTE_KINDS, muteTarget } from './fields';

export const getAll: OperationDef = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many permanently muted members',
	description: 'List the members muted permanently in a conversation (LeanCloud does not list temporary mutes)',
	properties: [...muteTarget, ...returnAllAndLimit()],
	request(p) {
		return { method: 'GET', path: rtm`${readKind(p, MUTE_KINDS).collection}/${objectIdSegment(p)}/permanent-silenceds` };
	},
	list: cursorPages('client_ids', 50, clientIdItem),
};
