import { CHAT_ROOM } from '../../../shared/conversations/kinds';
import type { ResourceDef } from '../../engine/operation';
import { crudOperations } from '../conversationCrud';
import { getOnlineCount, getOnlineMembers } from './online';

const crud = crudOperations(CHAT_ROOM, {
	create: 'Create a chat room: anyone online can join it, with no member limit',
	getAll: 'Query chat rooms, optionally filtered',
	filterExample: '{"attr.topic": "launch"}',
	delete: 'Delete a chat room permanently',
});

export const chatRoom: ResourceDef = {
	value: 'chatRoom',
	name: 'Chat Room',
	description: 'Open rooms with no stored member list; their messages, mutes, roles and blacklists are under those resources',
	operations: [crud.create, crud.delete, crud.get, crud.getAll, getOnlineCount, getOnlineMembers, crud.update],
};
