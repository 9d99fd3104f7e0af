import { clientIdField } from '../../../shared/fields/common';
import { ANY_KIND, kindLocator } from '../../../shared/conversations/kinds';

export const clientField = clientIdField({ description: 'The client to act on' });

/** The conversation a client blocks or unblocks: a group, chat room or service conversation. */
export const blockedConversationLocator = kindLocator(ANY_KIND, 'The group conversation, chat room or service conversation');
