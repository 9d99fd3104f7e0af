import type { INodeProperties } from 'n8n-workflow';

import type { Params } from '../params/params';
import type { PathLiteral, PathSegment } from '../params/path';

/**
 * LeanCloud's three kinds of conversation share one data model (`_Conversation`) but live under separate
 * endpoint collections. Operations that exist for several kinds are written once and take the kind as data.
 */
export interface ConversationKind {
	/** Value of the Conversation Type parameter. */
	value: 'conversation' | 'chatRoom' | 'serviceConversation';
	/** Title Case name, e.g. "Chat Room". */
	name: string;
	/** Lower-case noun for descriptions and actions, e.g. "chat room". */
	noun: string;
	/** The endpoint collection under /1.2/rtm. */
	collection: PathLiteral;
	/** listSearch method of the "From List" picker. */
	searchMethod: string;
	/** What the kind is, for the Conversation Type picker. */
	description: string;
}

export const CONVERSATION: ConversationKind = {
	value: 'conversation',
	name: 'Conversation',
	noun: 'conversation',
	collection: { literal: 'conversations' },
	searchMethod: 'searchConversations',
	description: 'A one-to-one or group conversation',
};

export const CHAT_ROOM: ConversationKind = {
	value: 'chatRoom',
	name: 'Chat Room',
	noun: 'chat room',
	collection: { literal: 'chatrooms' },
	searchMethod: 'searchChatRooms',
	description: 'A chat room: open to anyone online, with no stored member list',
};

export const SERVICE_CONVERSATION: ConversationKind = {
	value: 'serviceConversation',
	name: 'Service Conversation',
	noun: 'service conversation',
	collection: { literal: 'service-conversations' },
	searchMethod: 'searchServiceConversations',
	description: 'A service (system) conversation: clients subscribe to it and receive its broadcasts',
};

/**
 * The conversation queries' page (`GET /conversations`, `/chatrooms`, `/service-conversations`,
 * `/all-conversations`): LeanCloud's default page (README, "API facts the code relies on"). A larger `limit` is only
 * inferred from its storage API, and a server that cut a larger page to 100 would end skip paging early, silently.
 */
export const CONVERSATION_PAGE_SIZE = 100;

export const ALL_KINDS = [CHAT_ROOM, CONVERSATION, SERVICE_CONVERSATION];

/** LeanCloud object IDs (conversations, chat rooms, service conversations) are 24 hexadecimal characters. */
const OBJECT_ID_PATTERN = '^[0-9a-fA-F]{24}$';
const objectIdRegex = new RegExp(OBJECT_ID_PATTERN);

/**
 * Picker for a conversation of one kind: search by name ("From List", paged), or paste an ID ("By ID",
 * checked for LeanCloud's ID shape). Every kind's picker is named `conversationId`, as the API calls them all.
 */
export function kindLocator(kind: Pick<ConversationKind, 'name' | 'noun' | 'searchMethod'>, description = `The ${kind.noun} to act on`): INodeProperties {
	return {
		displayName: kind.name,
		name: 'conversationId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: `Select a ${kind.noun}...`,
				typeOptions: { searchListMethod: kind.searchMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 5a5d7432f8de3e0044b1b2c5',
				hint: `The ${kind.noun}'s objectId: 24 hexadecimal characters`,
				validation: [
					{
						type: 'regex',
						properties: { regex: OBJECT_ID_PATTERN, errorMessage: 'Not a LeanCloud ID: expected 24 hexadecimal characters' },
					},
				],
			},
		],
	};
}

/** A conversation ID (of any kind) for the request path, checked for LeanCloud's ID shape. */
export function objectIdSegment(p: Params, name = 'conversationId'): PathSegment {
	const segment = p.id(name);
	if (!objectIdRegex.test(segment.value)) {
		p.fail(name, `"${segment.value.slice(0, 40)}" is not a LeanCloud ID`, 'IDs are 24 hexadecimal characters, e.g. 5a5d7432f8de3e0044b1b2c5. Pick it from the list or map the objectId field.');
	}
	return segment;
}
