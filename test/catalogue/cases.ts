/**
 * Every resource's endpoint cases (82, one or more per endpoint README.md's "Every endpoint" table lists),
 * gathered from test/resources/<resource>.cases.ts (each run by its resource's test file). README's table is
 * checked against them, so an endpoint in the table without a case fails the suite.
 */
import { conversationCases } from '../resources/conversation.cases';
import { memberCases } from '../resources/member.cases';
import { pushNotificationCases } from '../resources/pushNotification.cases';
import { messageCases } from '../resources/message.cases';
import { muteCases } from '../resources/mute.cases';
import { roleCases } from '../resources/role.cases';
import { blacklistCases } from '../resources/blacklist.cases';
import { chatRoomCases } from '../resources/chatRoom.cases';
import { serviceConversationCases } from '../resources/serviceConversation.cases';
import { subscriberCases } from '../resources/subscriber.cases';
import { broadcastCases } from '../resources/broadcast.cases';
import { clientCases } from '../resources/client.cases';
import { appCases } from '../resources/app.cases';
import type { EndpointCase } from '../resources/fixtures';

export { CONV, ROOM, SVC, type EndpointCase } from '../resources/fixtures';

export const cases: EndpointCase[] = [
	...conversationCases,
	...memberCases,
	...pushNotificationCases,
	...messageCases,
	...muteCases,
	...roleCases,
	...blacklistCases,
	...chatRoomCases,
	...serviceConversationCases,
	...subscriberCases,
	...broadcastCases,
	...clientCases,
	...appCases,
];
