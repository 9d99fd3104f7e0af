import type { ResourceDef } from '../../engine/operation';
import { getAllConversations } from './getAllConversations';
import { getAllMessages } from './getAllMessages';
import { getStats } from './getStats';

export const app: ResourceDef = {
	value: 'app',
	name: 'App',
	description: 'App-wide queries: usage stats, every conversation, and the message export (app-wide broadcasts are under Broadcast)',
	operations: [getAllConversations, getAllMessages, getStats],
};
