import { clientIdField } from '../../descriptions/common';
import { ANY_KIND, kindLocator } from '../../descriptions/kinds';

export const clientField = clientIdField({ description: 'The client to act on' });

/** The conversation a client blocks or unblocks: a group, chat room or service conversation. */
export const blockedConversationLocator = kindLocator(ANY_KIND, 'The group conversation, chat room or service conversation');
