/**
 * The node, run by n8n's engine, against the local LeanCloud IM sandbox over real HTTP (no mocks):
 * every operation of the node in the order a real workflow would use them.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { byId } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';

let sandbox: Sandbox;
let credentials: ICredentialDataDecryptedObject;

beforeAll(async () => {
	nock.enableNetConnect('127.0.0.1');
	sandbox = await startSandbox();
	credentials = {
		appId: sandbox.appId,
		clientToken: sandbox.appKey,
		serverSecret: sandbox.masterKey,
		apiServer: sandbox.url,
		signRequests: true,
	};
});
afterAll(async () => await sandbox.close());

async function run(parameters: INodeParameters, items?: Array<Record<string, string>>) {
	const result = await runNode({ parameters, items, credentials });
	if (result.error) throw result.error;
	return result.output.map((item) => item.json);
}

test('every operation, end to end', async () => {
	const [created] = await run({ resource: 'conversation', operation: 'create', name: 'Support: ACME', members: 'customer-1, agent-7', unique: true });
	const id = created.objectId as string;
	const conversation = byId(id);
	expect(created).toMatchObject({ name: 'Support: ACME', m: ['customer-1', 'agent-7'], unique: true });

	expect(await run({ resource: 'conversation', operation: 'get', conversationId: conversation })).toEqual([
		expect.objectContaining({ objectId: id }),
	]);
	await run({ resource: 'conversation', operation: 'update', conversationId: conversation, updateFields: { name: 'Support: ACME (open)' } });
	expect((await run({ resource: 'conversation', operation: 'getAll', returnAll: true, where: '{"m": "agent-7"}' })).map((row) => row.name)).toEqual([
		'Support: ACME (open)',
	]);

	await run({ resource: 'member', operation: 'add', conversationId: conversation, clientIds: 'supervisor' });
	await run({ resource: 'member', operation: 'remove', conversationId: conversation, clientIds: 'agent-7' });
	expect(await run({ resource: 'member', operation: 'getAll', conversationId: conversation, returnAll: true })).toEqual([
		{ clientId: 'customer-1' },
		{ clientId: 'supervisor' },
	]);

	await run({ resource: 'pushNotification', operation: 'disable', conversationId: conversation, clientIds: 'supervisor' });
	expect(await run({ resource: 'pushNotification', operation: 'getAll', conversationId: conversation, returnAll: true })).toEqual([{ clientId: 'supervisor' }]);
	await run({ resource: 'pushNotification', operation: 'enable', conversationId: conversation, clientIds: 'supervisor' });

	// Three sends from three items; then the history, newest first, paged 2 at a time under the hood.
	const sent = await run(
		{ resource: 'message', operation: 'send', conversationId: conversation, fromClient: '={{ $json.from }}', text: '={{ $json.text }}' },
		[
			{ from: 'customer-1', text: 'Hello' },
			{ from: 'supervisor', text: 'Welcome!' },
			{ from: 'customer-1', text: 'buy cheap pills' },
		],
	);
	expect(sent).toHaveLength(3);
	const history = await run({ resource: 'message', operation: 'getAll', conversationId: conversation, returnAll: true });
	expect(history.map((record) => record.content)).toEqual(['buy cheap pills', 'Welcome!', 'Hello']);
	expect(history[0]).toMatchObject({ messageId: sent[2].messageId, timestamp: sent[2].timestamp, fromClient: 'customer-1', conversationId: id });

	// Moderation: recall the spam, mute its sender for 10 minutes, and see the next send refused.
	const spam = { conversationId: conversation, messageId: sent[2].messageId as string, timestamp: sent[2].timestamp as number, fromClient: 'customer-1' };
	await run({ resource: 'message', operation: 'recall', ...spam });
	await run({ resource: 'mute', operation: 'add', conversationId: conversation, clientId: 'customer-1', ttl: 600 });
	const refused = await runNode({
		credentials,
		parameters: { resource: 'message', operation: 'send', conversationId: conversation, fromClient: 'customer-1', text: 'again' },
	});
	expect(refused.error?.message).toBe('LeanCloud: CONVERSATION_TEMPORARY_BLACKLISTED [HTTP 403, code 4315]');
	await run({ resource: 'mute', operation: 'remove', conversationId: conversation, clientId: 'customer-1' });

	await run({ resource: 'mute', operation: 'add', conversationId: conversation, clientIds: 'troll', muteType: 'permanent' });
	expect(await run({ resource: 'mute', operation: 'getAll', conversationId: conversation, returnAll: true })).toEqual([{ clientId: 'troll' }]);
	await run({ resource: 'mute', operation: 'remove', conversationId: conversation, clientIds: 'troll', muteType: 'permanent' });

	const welcome = { conversationId: conversation, messageId: sent[1].messageId as string, timestamp: sent[1].timestamp as number, fromClient: 'supervisor' };
	await run({ resource: 'message', operation: 'update', ...welcome, contentType: 'rich', messageType: 'text', richText: 'Welcome to ACME support!' });
	const oldestFirst = await run({ resource: 'message', operation: 'getAll', conversationId: conversation, limit: 3, options: { order: 'oldestFirst' } });
	expect(oldestFirst.map((record) => record.contentType ?? record.content)).toEqual(['Hello', 'text', 'recalled']);
	expect(oldestFirst[1].text).toBe('Welcome to ACME support!');

	await run({ resource: 'message', operation: 'delete', ...welcome });
	expect((await run({ resource: 'message', operation: 'getAll', conversationId: conversation, returnAll: true })).length).toBe(2);

	expect(await run({ resource: 'conversation', operation: 'delete', conversationId: conversation })).toEqual([{ deleted: true }]);
	const gone = await runNode({ credentials, parameters: { resource: 'conversation', operation: 'get', conversationId: conversation } });
	expect(gone.error?.message).toBe(`LeanCloud: No conversation with ID "${conversation.value}" exists`);
});

test('history Return All crosses the 1,000-record page size', async () => {
	const { objectId } = sandbox.store.createConversation({ name: 'Busy', m: ['a'] });
	for (let index = 0; index < 2345; index++) sandbox.store.addMessage(objectId, 'a', `m${index}`);
	const history = await run({ resource: 'message', operation: 'getAll', conversationId: byId(objectId), returnAll: true, simplify: false });
	expect(history).toHaveLength(2345);
	expect(history[0].data).toBe('m2344');
	expect(history[2344].data).toBe('m0');
	expect(new Set(history.map((record) => record['msg-id'])).size).toBe(2345);
});

test('a wrong key is a 401 NodeApiError from the real server', async () => {
	const result = await runNode({
		credentials: { ...credentials, serverSecret: 'wrong' },
		parameters: { resource: 'conversation', operation: 'getAll' },
	});
	expect(result.error?.message).toBe('LeanCloud: Unauthorized. [HTTP 401, code 401]');
});

test('chat rooms, service conversations, roles, blacklists, clients and the app, end to end', async () => {
	// Chat room: create, moderate (role, mute, blacklist), message, history, online sample.
	const [room] = await run({ resource: 'chatRoom', operation: 'create', name: 'Launch Q&A' });
	const roomId = byId(room.objectId as string);
	const inRoom = { conversationType: 'chatRoom', conversationId: roomId };
	expect(await run({ resource: 'chatRoom', operation: 'get', conversationId: roomId })).toEqual([expect.objectContaining({ name: 'Launch Q&A', tr: true })]);
	const [role] = await run({ resource: 'role', operation: 'add', ...inRoom, clientId: 'mod-1', role: 'Manager' });
	await run({ resource: 'role', operation: 'update', ...inRoom, roleId: role.roleId as string, role: 'Owner' });
	expect(await run({ resource: 'role', operation: 'getAll', ...inRoom, returnAll: true })).toEqual([
		{ conversationId: room.objectId, clientId: 'mod-1', role: 'Owner', roleId: role.roleId },
	]);
	await run({ resource: 'role', operation: 'remove', ...inRoom, roleId: role.roleId as string });
	const [hello] = await run({ resource: 'message', operation: 'send', ...inRoom, fromClient: 'host', text: 'Welcome!', options: { priority: 'high' } });
	await run({ resource: 'mute', operation: 'add', ...inRoom, clientIds: 'troll', muteType: 'permanent' });
	const muted = await runNode({ parameters: { resource: 'message', operation: 'send', ...inRoom, fromClient: 'troll', text: 'spam' }, credentials });
	expect(muted.error?.message).toContain('SILENCED');
	await run({ resource: 'blacklist', operation: 'add', ...inRoom, clientIds: 'troll' });
	expect(await run({ resource: 'blacklist', operation: 'getAll', ...inRoom, returnAll: true })).toEqual([{ clientId: 'troll' }]);
	await run({ resource: 'message', operation: 'update', ...inRoom, messageId: hello.messageId as string, timestamp: hello.timestamp as number, fromClient: 'host', text: 'Welcome, all!' });
	expect((await run({ resource: 'message', operation: 'getAll', ...inRoom, returnAll: true })).map((record) => record.content)).toEqual(['Welcome, all!']);
	expect(await run({ resource: 'chatRoom', operation: 'getOnlineCount', conversationId: roomId })).toEqual([{ conversationId: room.objectId, onlineCount: 0 }]);

	// Service conversation: subscribers, a broadcast, a per-user message, one subscriber's history.
	const [svc] = await run({ resource: 'serviceConversation', operation: 'create', name: 'ACME News' });
	const svcId = byId(svc.objectId as string);
	for (const clientId of ['alice', 'bob', 'carol']) await run({ resource: 'subscriber', operation: 'add', conversationId: svcId, clientId });
	await run({ resource: 'subscriber', operation: 'remove', conversationId: svcId, clientId: 'carol' });
	expect(await run({ resource: 'subscriber', operation: 'count', conversationId: svcId })).toEqual([{ conversationId: svc.objectId, count: 2 }]);
	expect((await run({ resource: 'subscriber', operation: 'getAll', conversationId: svcId, returnAll: true })).map((row) => row.clientId)).toEqual(['alice', 'bob']);
	const [news] = await run({ resource: 'broadcast', operation: 'send', conversationId: svcId, fromClient: 'acme', text: 'Big sale today' });
	expect(news.messageId).toMatch(/^sb_/);
	await run({ resource: 'message', operation: 'send', conversationType: 'serviceConversation', conversationId: svcId, fromClient: 'acme', toClients: 'bob', text: 'Your order shipped' });
	const history = (clientId: string) =>
		run({ resource: 'message', operation: 'getAll', conversationType: 'serviceConversation', conversationId: svcId, subscriberId: clientId, returnAll: true, options: { order: 'oldestFirst' } });
	expect((await history('alice')).map((record) => record.content)).toEqual(['Big sale today']);
	expect((await history('bob')).map((record) => record.content)).toEqual(['Big sale today', 'Your order shipped']);
	await run({ resource: 'broadcast', operation: 'recall', conversationId: svcId, messageId: news.messageId as string, timestamp: news.timestamp as number, fromClient: 'acme' });
	expect((await history('alice'))[0].contentType).toBe('recalled');
	expect((await run({ resource: 'client', operation: 'getSubscriptions', clientId: 'bob', returnAll: true })).map((row) => row.conversationId)).toEqual([svc.objectId]);

	// App-wide broadcast, listed and deleted.
	const [everyone] = await run({ resource: 'broadcast', operation: 'send', audience: 'everyone', conversationId: svcId, fromClient: 'acme', text: 'Maintenance at 2am' });
	expect((await run({ resource: 'broadcast', operation: 'getAll', conversationId: svcId, returnAll: true })).map((row) => row['msg-id'])).toEqual([everyone.messageId]);
	await run({ resource: 'broadcast', operation: 'delete', messageId: everyone.messageId as string });
	expect(await run({ resource: 'broadcast', operation: 'getAll', conversationId: svcId, returnAll: true })).toEqual([]);

	// Clients: online status, kick, blocks, sent messages, a login signature.
	sandbox.store.online.add('alice');
	expect(await run({ resource: 'client', operation: 'checkOnline', clientIds: 'alice, bob' })).toEqual([
		{ clientId: 'alice', online: true },
		{ clientId: 'bob', online: false },
	]);
	await run({ resource: 'client', operation: 'kick', clientId: 'alice', reason: 'Maintenance' });
	expect(sandbox.store.online.has('alice')).toBe(false);
	await run({ resource: 'client', operation: 'block', clientId: 'bob', conversationId: roomId });
	expect(await run({ resource: 'client', operation: 'getBlocked', clientId: 'bob', returnAll: true })).toEqual([{ clientId: 'bob', conversationId: room.objectId }]);
	await run({ resource: 'client', operation: 'unblock', clientId: 'bob', conversationId: roomId });
	expect((await run({ resource: 'client', operation: 'getSentMessages', clientId: 'host', returnAll: true })).map((record) => record.messageId)).toEqual([hello.messageId]);
	const [signature] = await run({ resource: 'client', operation: 'getSignature', sessionToken: 'r:5a5d7432f8de3e0044b1b2c5' });
	expect(signature).toMatchObject({ clientId: '5a5d7432f8de3e0044b1b2c5', signature: expect.stringMatching(/^[0-9a-f]{40}$/) });

	// The app: stats, every conversation, the message export.
	expect(await run({ resource: 'app', operation: 'getStats' })).toEqual([{ onlineUserCount: 0, userCountToday: expect.any(Number) }]);
	const everything = await run({ resource: 'app', operation: 'getAllConversations', returnAll: true });
	expect(everything.map((row) => row.objectId)).toEqual(expect.arrayContaining([room.objectId, svc.objectId]));
	const exported = await run({ resource: 'app', operation: 'getAllMessages', returnAll: true });
	expect(exported.map((record) => record.content)).toEqual(expect.arrayContaining(['Welcome, all!', 'Your order shipped']));

	await run({ resource: 'chatRoom', operation: 'delete', conversationId: roomId });
	await run({ resource: 'serviceConversation', operation: 'delete', conversationId: svcId });
});
