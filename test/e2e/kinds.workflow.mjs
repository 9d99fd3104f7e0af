// A workflow that chains every operation added for chat rooms, service conversations, roles, blacklists,
// subscribers, broadcasts, clients and the app, each step reading the IDs it needs from earlier steps.
// Written out as JSON and imported by run.mjs; `checkKindsRun` checks what came out.

const CREDENTIAL = { leanCloudImApi: { id: 'lcimSandbox0001', name: 'LeanCloud IM (sandbox)' } };
const ROOM = "={{ $('Create Chat Room').first().json.objectId }}";
const SVC = "={{ $('Create Service Conversation').first().json.objectId }}";
/** @type {(value: string) => { __rl: true, mode: 'id', value: string }} */
const id = (value) => ({ __rl: true, mode: 'id', value });
/** @type {(step: string, field: string) => string} */
const from = (step, field) => `={{ $('${step}').first().json.${field} }}`;
/** @type {(step: string, fromClient: string) => Record<string, string>} */
const ref = (step, fromClient) => ({ messageId: from(step, 'messageId'), timestamp: from(step, 'timestamp'), fromClient });
const inRoom = { conversationType: 'chatRoom', conversationId: id(ROOM) };
const inSvc = { conversationType: 'serviceConversation', conversationId: id(SVC) };

/**
 * [step name, node parameters] in the order they run.
 * @type {Array<[string, Record<string, unknown>]>}
 */
export const steps = [
	['Create Chat Room', { resource: 'chatRoom', operation: 'create', name: 'E2E lobby' }],
	['Get Chat Room', { resource: 'chatRoom', operation: 'get', conversationId: id(ROOM) }],
	['Update Chat Room', { resource: 'chatRoom', operation: 'update', conversationId: id(ROOM), updateFields: { name: 'E2E lobby (renamed)' } }],
	['Get Many Chat Rooms', { resource: 'chatRoom', operation: 'getAll', returnAll: true, where: '{"name": "E2E lobby (renamed)"}' }],
	['Online Count', { resource: 'chatRoom', operation: 'getOnlineCount', conversationId: id(ROOM) }],
	['Online Members', { resource: 'chatRoom', operation: 'getOnlineMembers', conversationId: id(ROOM) }],
	['Add Role', { resource: 'role', operation: 'add', ...inRoom, clientId: 'e2e-mod', role: 'Manager' }],
	['Update Role', { resource: 'role', operation: 'update', ...inRoom, roleId: from('Add Role', 'roleId'), role: 'Owner' }],
	['Get Many Roles', { resource: 'role', operation: 'getAll', ...inRoom, returnAll: true }],
	['Remove Role', { resource: 'role', operation: 'remove', ...inRoom, roleId: from('Add Role', 'roleId') }],
	['Send Room Message', { resource: 'message', operation: 'send', ...inRoom, fromClient: 'e2e-host', text: 'Welcome to the lobby' }],
	['Room History', { resource: 'message', operation: 'getAll', ...inRoom, returnAll: true }],
	['Sent Messages', { resource: 'client', operation: 'getSentMessages', clientId: 'e2e-host', returnAll: true }],
	['Update Room Message', { resource: 'message', operation: 'update', ...inRoom, ...ref('Send Room Message', 'e2e-host'), text: 'Welcome, all' }],
	['Recall Room Message', { resource: 'message', operation: 'recall', ...inRoom, ...ref('Send Room Message', 'e2e-host') }],
	['Delete Room Message', { resource: 'message', operation: 'delete', ...inRoom, ...ref('Send Room Message', 'e2e-host') }],
	['Mute In Room', { resource: 'mute', operation: 'add', ...inRoom, clientId: 'e2e-troll', ttl: 60 }],
	['Unmute In Room', { resource: 'mute', operation: 'remove', ...inRoom, clientId: 'e2e-troll' }],
	['Blacklist In Room', { resource: 'blacklist', operation: 'add', ...inRoom, clientIds: 'e2e-troll' }],
	['Get Room Blacklist', { resource: 'blacklist', operation: 'getAll', ...inRoom, returnAll: true }],
	['Unblacklist In Room', { resource: 'blacklist', operation: 'remove', ...inRoom, clientIds: 'e2e-troll' }],
	['Create Service Conversation', { resource: 'serviceConversation', operation: 'create', name: 'E2E news' }],
	['Get Service Conversation', { resource: 'serviceConversation', operation: 'get', conversationId: id(SVC) }],
	['Update Service Conversation', { resource: 'serviceConversation', operation: 'update', conversationId: id(SVC), updateFields: { attributes: '{"brand": "e2e"}' } }],
	['Get Many Service Conversations', { resource: 'serviceConversation', operation: 'getAll', returnAll: true, where: '{"attr.brand": "e2e"}' }],
	['Subscribe', { resource: 'subscriber', operation: 'add', conversationId: id(SVC), clientId: 'e2e-sub' }],
	['Count Subscribers', { resource: 'subscriber', operation: 'count', conversationId: id(SVC) }],
	['Get Many Subscribers', { resource: 'subscriber', operation: 'getAll', conversationId: id(SVC), returnAll: true }],
	['Get Subscriptions', { resource: 'client', operation: 'getSubscriptions', clientId: 'e2e-sub', returnAll: true }],
	['Broadcast To Subscribers', { resource: 'broadcast', operation: 'send', conversationId: id(SVC), fromClient: 'e2e-news', text: 'Hello subscribers' }],
	['Update Broadcast', { resource: 'broadcast', operation: 'update', conversationId: id(SVC), ...ref('Broadcast To Subscribers', 'e2e-news'), text: 'Hello, subscribers' }],
	['Recall Broadcast', { resource: 'broadcast', operation: 'recall', conversationId: id(SVC), ...ref('Broadcast To Subscribers', 'e2e-news') }],
	['Send To Users', { resource: 'message', operation: 'send', ...inSvc, fromClient: 'e2e-news', toClients: 'e2e-sub', text: 'Your order shipped' }],
	['Update User Message', { resource: 'message', operation: 'update', ...inSvc, ...ref('Send To Users', 'e2e-news'), toClients: 'e2e-sub', text: 'Your order shipped today' }],
	['Subscriber History', { resource: 'message', operation: 'getAll', ...inSvc, subscriberId: 'e2e-sub', returnAll: true, options: { order: 'oldestFirst' } }],
	['Recall User Message', { resource: 'message', operation: 'recall', ...inSvc, ...ref('Send To Users', 'e2e-news'), toClients: 'e2e-sub' }],
	['Delete User Message', { resource: 'message', operation: 'delete', ...inSvc, subscriberId: 'e2e-sub', ...ref('Send To Users', 'e2e-news') }],
	['Broadcast To Everyone', { resource: 'broadcast', operation: 'send', audience: 'everyone', conversationId: id(SVC), fromClient: 'e2e-news', text: 'Maintenance tonight' }],
	['Get Many Broadcasts', { resource: 'broadcast', operation: 'getAll', conversationId: id(SVC), returnAll: true }],
	['Delete Broadcast', { resource: 'broadcast', operation: 'delete', messageId: from('Broadcast To Everyone', 'messageId') }],
	['Blacklist In Service', { resource: 'blacklist', operation: 'add', ...inSvc, clientIds: 'e2e-troll' }],
	['Get Service Blacklist', { resource: 'blacklist', operation: 'getAll', ...inSvc, returnAll: true }],
	['Unblacklist In Service', { resource: 'blacklist', operation: 'remove', ...inSvc, clientIds: 'e2e-troll' }],
	['Check Online', { resource: 'client', operation: 'checkOnline', clientIds: 'e2e-sub, e2e-host' }],
	['Kick', { resource: 'client', operation: 'kick', clientId: 'e2e-troll', reason: 'E2E' }],
	['Unread Count', { resource: 'client', operation: 'getUnreadCount', clientId: 'e2e-sub' }],
	['Block Conversation', { resource: 'client', operation: 'block', clientId: 'e2e-sub', conversationId: id(ROOM) }],
	['Get Blocked', { resource: 'client', operation: 'getBlocked', clientId: 'e2e-sub', returnAll: true }],
	['Unblock Conversation', { resource: 'client', operation: 'unblock', clientId: 'e2e-sub', conversationId: id(ROOM) }],
	['Login Signature', { resource: 'client', operation: 'getSignature', sessionToken: 'r:5a5d7432f8de3e0044b1b2c5' }],
	['Stats', { resource: 'app', operation: 'getStats' }],
	['All Conversations', { resource: 'app', operation: 'getAllConversations', returnAll: true }],
	['Export Messages', { resource: 'app', operation: 'getAllMessages', returnAll: true }],
	['Unsubscribe', { resource: 'subscriber', operation: 'remove', conversationId: id(SVC), clientId: 'e2e-sub' }],
	['Delete Chat Room', { resource: 'chatRoom', operation: 'delete', conversationId: id(ROOM) }],
	['Delete Service Conversation', { resource: 'serviceConversation', operation: 'delete', conversationId: id(SVC) }],
];

export function kindsWorkflow() {
	const start = { id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
	const nodes = [
		start,
		...steps.map(([name, parameters], index) => ({
			id: `k${index}`,
			name,
			type: 'n8n-nodes-leancloud-im.leanCloudIm',
			typeVersion: 1,
			position: [220 * (index + 1), 0],
			parameters,
			credentials: CREDENTIAL,
			executeOnce: true,
			// Empty lists (e.g. a blacklist just cleared) must not stop the chain.
			alwaysOutputData: true,
		})),
	];
	/** @type {Record<string, unknown>} */
	const connections = {};
	nodes.slice(0, -1).forEach((node, index) => {
		connections[node.name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	});
	return { id: 'lcimE2eKinds0001', name: 'LeanCloud IM: chat rooms, service conversations, clients, app (e2e)', nodes, connections, settings: { executionOrder: 'v1' }, active: false, pinData: {} };
}

/** Checks the run of kindsWorkflow() and the sandbox state it leaves. */
/**
 * @param {unknown} run
 * @param {import('../../sandbox/server.cjs').Sandbox} sandbox
 * @param {typeof import('./check.mjs').expect} expect
 * @param {import('./check.mjs').OutputOf} outputOf
 */
export function checkKindsRun(run, sandbox, expect, outputOf) {
	const room = outputOf(run, 'Create Chat Room')[0];
	const svc = outputOf(run, 'Create Service Conversation')[0];
	expect(outputOf(run, 'Get Chat Room')[0]).toMatchObject({ objectId: room.objectId, tr: true });
	expect(outputOf(run, 'Get Many Chat Rooms').map((row) => row.objectId)).toEqual([room.objectId]);
	expect(outputOf(run, 'Online Count')).toEqual([{ conversationId: room.objectId, onlineCount: 0 }]);
	expect(outputOf(run, 'Get Many Roles')).toEqual([{ conversationId: room.objectId, clientId: 'e2e-mod', role: 'Owner', roleId: outputOf(run, 'Add Role')[0].roleId }]);
	const sent = outputOf(run, 'Send Room Message')[0];
	expect(outputOf(run, 'Room History').map((row) => row.messageId)).toEqual([sent.messageId]);
	expect(outputOf(run, 'Sent Messages').map((row) => row.messageId)).toEqual([sent.messageId]);
	expect(outputOf(run, 'Delete Room Message')).toEqual([{ deleted: true }]);
	expect(outputOf(run, 'Get Room Blacklist')).toEqual([{ clientId: 'e2e-troll' }]);
	expect(outputOf(run, 'Get Many Service Conversations').map((row) => row.objectId)).toEqual([svc.objectId]);
	expect(outputOf(run, 'Count Subscribers')).toEqual([{ conversationId: svc.objectId, count: 1 }]);
	expect(outputOf(run, 'Get Subscriptions').map((row) => row.conversationId)).toEqual([svc.objectId]);
	expect(outputOf(run, 'Broadcast To Subscribers')[0].messageId.startsWith('sb_'), 'broadcast ID prefix').toBe(true);
	expect(outputOf(run, 'Subscriber History').map((row) => row.contentType ?? row.content)).toEqual(['recalled', 'Your order shipped today']);
	expect(outputOf(run, 'Get Many Broadcasts').map((row) => row['msg-id'])).toEqual([outputOf(run, 'Broadcast To Everyone')[0].messageId]);
	expect(outputOf(run, 'Delete Broadcast')).toEqual([{ messageId: outputOf(run, 'Broadcast To Everyone')[0].messageId, deleted: true }]);
	expect(outputOf(run, 'Check Online')).toEqual([
		{ clientId: 'e2e-sub', online: false },
		{ clientId: 'e2e-host', online: false },
	]);
	expect(sandbox.store.kicked.at(-1)).toEqual({ clientId: 'e2e-troll', reason: 'E2E' });
	expect(outputOf(run, 'Get Blocked')).toEqual([{ clientId: 'e2e-sub', conversationId: room.objectId }]);
	expect(outputOf(run, 'Login Signature')[0]).toMatchObject({ clientId: '5a5d7432f8de3e0044b1b2c5' });
	expect(Object.keys(outputOf(run, 'Stats')[0]).sort()).toEqual(['onlineUserCount', 'userCountToday']);
	const everything = outputOf(run, 'All Conversations').map((row) => row.objectId);
	expect([room.objectId, svc.objectId].every((objectId) => everything.includes(objectId)), 'all conversations').toBe(true);
	expect(outputOf(run, 'Export Messages').length > 0, 'exported messages').toBe(true);
	expect(outputOf(run, 'Delete Service Conversation')).toEqual([{ deleted: true }]);
	expect(sandbox.store.conversations.has(room.objectId)).toBe(false);
	expect(sandbox.store.conversations.has(svc.objectId)).toBe(false);
}
