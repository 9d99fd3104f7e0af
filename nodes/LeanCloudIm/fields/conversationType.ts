import type { INodeProperties } from 'n8n-workflow';

import { CONVERSATION, kindLocator, type ConversationKind } from '../../shared/conversations/kinds';
import type { Params } from '../../shared/params/params';

/** A picker over every kind at once (searching the app-wide conversation list), for endpoints that take any kind. */
export const ANY_KIND: Pick<ConversationKind, 'name' | 'noun' | 'searchMethod'> = {
	name: 'Conversation',
	noun: 'conversation',
	searchMethod: 'searchAllConversations',
};

/**
 * The Conversation Type picker plus one locator per kind, for operations that exist for several kinds.
 * With a single kind, just its locator.
 */
export function kindFields(kinds: ConversationKind[], description: (kind: ConversationKind) => string): INodeProperties[] {
	if (kinds.length === 1) return [kindLocator(kinds[0], description(kinds[0]))];
	const sorted = [...kinds].sort((a, b) => a.name.localeCompare(b.name));
	return [
		{
			displayName: 'Conversation Type',
			name: 'conversationType',
			type: 'options',
			noDataExpression: true,
			default: 'conversation',
			options: sorted.map(({ name, value, description: text }) => ({ name, value, description: text })),
			description: 'The kind of conversation to act on',
		},
		...sorted.map((kind) => ({
			...kindLocator(kind, description(kind)),
			displayOptions: { show: { conversationType: [kind.value] } },
		})),
	];
}

/** The kind the item's Conversation Type selects (the only kind when the operation has one). */
export function readKind(p: Params, kinds: ConversationKind[]): ConversationKind {
	if (kinds.length === 1) return kinds[0];
	const value = p.string('conversationType') || CONVERSATION.value;
	const kind = kinds.find((candidate) => candidate.value === value);
	if (!kind) p.fail('conversationType', `must be one of ${kinds.map((candidate) => candidate.value).join(', ')}, got "${value}"`);
	return kind;
}

