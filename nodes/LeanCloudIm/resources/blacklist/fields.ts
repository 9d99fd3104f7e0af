import { ALL_KINDS, CONVERSATION, type ConversationKind } from '../../../shared/conversations/kinds';
import { kindFields } from '../../fields/conversationType';

export const blacklistTarget = kindFields(ALL_KINDS, (kind) => `The ${kind.noun} whose blacklist to use`);

/** Blacklisted clients per normal conversation; chat rooms and service conversations hold up to 10,000. */
export function maxBlacklisted(kind: ConversationKind): number {
	return kind === CONVERSATION ? 500 : 10_000;
}
