/**
 * The node, run by n8n's engine, against the local LeanCloud IM sandbox over real HTTP (no mocks):
 * every operation of the node in the order a real workflow would use them.
 */
import type { ICredentialDataDecryptedObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

import { startSandbox, type Sandbox } from '../../sandbox/server.cjs';
import { byId } from '../harness/leancloud';
import { runNode } from '../harness/runNode';

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

	await run({ resource: 'mute', operation: 'add', conversationId: conversation, clientId: 'troll', muteType: 'permanent' });
	expect(await run({ resource: 'mute', operation: 'getAll', conversationId: conversation, returnAll: true })).toEqual([{ clientId: 'troll' }]);
	await run({ resource: 'mute', operation: 'remove', conversationId: conversation, clientId: 'troll', muteType: 'permanent' });

	const welcome = { conversationId: conversation, messageId: sent[1].messageId as string, timestamp: sent[1].timestamp as number, fromClient: 'supervisor' };
	await run({ resource: 'message', operation: 'update', ...welcome, contentType: 'rich', messageType: 'text', richText: 'Welcome to ACME support!' });
	const oldestFirst = await run({ resource: 'message', operation: 'getAll', conversationId: conversation, limit: 3, options: { order: 'oldestFirst' } });
	expect(oldestFirst.map((record) => record.contentType ?? record.content)).toEqual(['Hello', 'text', 'recalled']);
	expect(oldestFirst[1].text).toBe('Welcome to ACME support!');

	await run({ resource: 'message', operation: 'delete', ...welcome });
	expect((await run({ resource: 'message', operation: 'getAll', conversationId: conversation, returnAll: true })).length).toBe(2);

	expect(await run({ resource: 'conversation', operation: 'delete', conversationId: conversation })).toEqual([{ deleted: true }]);
	const gone = await runNode({ credentials, parameters: { resource: 'conversation', operation: 'get', conversationId: conversation } });
	expect(gone.error?.httpCode).toBe('404');
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
