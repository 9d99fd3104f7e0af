import type { IDataObject } from 'n8n-workflow';

import { kindLocator, objectIdSegment, CHAT_ROOM } from '../../../shared/conversations/kinds';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';

export const getOnlineMembers: OperationDef = {
	value: 'getOnlineMembers',
	name: 'Get Online Members',
	action: 'Get online members of a chat room',
	description: 'Get a sample of the clients online in a chat room (LeanCloud returns a cached random sample, not everyone)',
	properties: [kindLocator(CHAT_ROOM, 'The chat room whose online members to sample')],
	request(p) {
		return { method: 'GET', path: rtm`chatrooms/${objectIdSegment(p)}/members` };
	},
	// One item for the whole sample: it is a snapshot, and splitting it would suggest a complete list.
	output: (body, p) => ({ conversationId: p.string('conversationId'), clientIds: ((body as IDataObject | undefined)?.result as string[]) ?? [] }),
};

export const getOnlineCount: OperationDef = {
	value: 'getOnlineCount',
	name: 'Get Online Count',
	action: 'Count online members of a chat room',
	description: 'Get the approximate number of clients online in a chat room (cached by LeanCloud)',
	properties: [kindLocator(CHAT_ROOM, 'The chat room whose online members to count')],
	request(p) {
		return { method: 'GET', path: rtm`chatrooms/${objectIdSegment(p)}/members/online-count` };
	},
	output: (body, p) => ({ conversationId: p.string('conversationId'), onlineCount: (body as { result?: number })?.result ?? 0 }),
};
