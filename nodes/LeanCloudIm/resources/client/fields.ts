import { clientIdField } from '../../../shared/fields/clientIdField';
import { kindLocator } from '../../../shared/conversations/kinds';
import { ANY_KIND } from '../../fields/conversationType';

export const clientField = clientIdField({ description: 'The client to act on' });

/** The conversation a client blocks or unblocks: a group, chat room or service conversation. */
export const blockedConversationLocator = kindLocator(ANY_KIND, 'The group conversation, chat room or service conversation');
