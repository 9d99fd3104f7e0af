import { returnAllAndLimit } from '../../fields/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../../shared/params/path';
import { conversationPages, whereField, whereQuery } from '../conversationCrud/fields';

export const getAllConversations: OperationDef = {
	value: 'getAllConversations',
	name: 'Get Many Conversations',
	action: 'Get many conversations of every kind',
	description: 'Query conversations of every kind at once (one-to-one, group, chat room, service); chat rooms have tr true, service conversations sys true',
	properties: [...returnAllAndLimit(), whereField('conversation', '{"tr": true} for chat rooms,')],
	request(p) {
		return { method: 'GET', path: rtm`all-conversations`, query: whereQuery(p) };
	},
	list: conversationPages,
};
