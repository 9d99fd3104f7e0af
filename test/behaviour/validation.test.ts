import type { INodeParameters } from 'n8n-workflow';

import { byId, recordUnmatched, resetNock, sendParameters } from '../harness/leancloud';
import { defaultCredentials, runNode } from '../../harness/runNode';

const send = sendParameters;
const reference = { conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), messageId: 'm-1', timestamp: 1764064800123, fromClient: 'bot' };

let unmatched: ReturnType<typeof recordUnmatched>;
beforeEach(() => {
	resetNock();
	unmatched = recordUnmatched();
});
afterEach(() => {
	unmatched.stop();
	// No interceptor is registered in this file: any request at all would show up here.
	expect(unmatched.requests).toEqual([]);
});

const cases: Array<[string, INodeParameters, string]> = [
	// Literal empty required fields are refused by n8n itself (see below); expressions that evaluate to empty reach the node.
	['an empty conversation ID', send({ conversationId: byId('={{ $json.missing }}') }), '"Conversation" is empty [item 0]'],
	['a conversation ID that is a dot segment', send({ conversationId: byId('={{ ".." }}') }), '"Conversation" ".." is not a LeanCloud ID [item 0]'],
	['an empty sender', send({ fromClient: '  ' }), '"From Client ID" is empty [item 0]'],
	['a client ID over 64 characters', send({ fromClient: 'x'.repeat(65) }), '"From Client ID" "xxxxxxxxxxxxxxxxxxxx…" is longer than 64 characters [item 0]'],
	['empty text', send({ text: '={{ "  " }}' }), '"Text" is empty [item 0]'],
	[
		'more than 20 mentioned client IDs',
		send({ options: { mentionClientIds: Array.from({ length: 21 }, (_, index) => `u${index}`).join(',') } }),
		'"Options > Mentioned Client IDs" has 21 client IDs; LeanCloud accepts at most 20 [item 0]',
	],
	[
		'malformed push data JSON',
		send({ options: { pushData: '{"alert": ' } }),
		'"Options > Push Data (JSON)" is not valid JSON [item 0]',
	],
	['push data that is not an object', send({ options: { pushData: '[1, 2]' } }), '"Options > Push Data (JSON)" must be a JSON object, e.g. {"key": "value"} [item 0]'],
	[
		'content over 5 KB (UTF-8 bytes)',
		send({ text: 'é'.repeat(2561) }),
		'"Text" makes the message 5122 bytes; LeanCloud accepts at most 5120 (5 KB) [item 0]',
	],
	['malformed raw JSON content', send({ contentType: 'json', contentJson: '{nope}' }), '"Content (JSON)" is not valid JSON [item 0]'],
	['a rich file message without a URL', send({ contentType: 'rich', messageType: 'image', fileUrl: '={{ "" }}' }), '"File URL" is empty [item 0]'],
	['a location out of range', send({ contentType: 'rich', messageType: 'location', latitude: 91 }), '"Latitude" must be between -90 and 90, got 91 [item 0]'],
	[
		'malformed custom attributes',
		send({ contentType: 'rich', messageType: 'text', richText: 'x', richFields: { attributes: '{oops' } }),
		'"Rich Message Fields > Custom Attributes" is not valid JSON [item 0]',
	],
	['a mute TTL of 0', { resource: 'mute', operation: 'add', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), clientId: 'a', ttl: 0 }, '"Duration (Seconds)" must be between 1 and 86400, got 0 [item 0]'],
	['a mute TTL over 24 hours', { resource: 'mute', operation: 'add', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), clientId: 'a', ttl: 86401 }, '"Duration (Seconds)" must be between 1 and 86400, got 86401 [item 0]'],
	['a fractional mute TTL', { resource: 'mute', operation: 'add', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), clientId: 'a', ttl: 1.5 }, '"Duration (Seconds)" must be a whole number, got "1.5" [item 0]'],
	['no client IDs to add', { resource: 'member', operation: 'add', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), clientIds: ' , ' }, '"Client IDs" needs at least one client ID [item 0]'],
	['a malformed Get Many filter', { resource: 'conversation', operation: 'getAll', where: '{"m": }' }, '"Filter (JSON)" is not valid JSON [item 0]'],
	['an update with nothing to change', { resource: 'conversation', operation: 'update', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1') }, '"Update Fields" has nothing to update: add at least one field [item 0]'],
	[
		'an update that tries to set members',
		{ resource: 'conversation', operation: 'update', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), updateFields: { fields: '{"m": ["a"]}' } },
		'"Update Fields > Other Fields (JSON)" cannot change members (m); use the Member resource\'s Add or Remove [item 0]',
	],
	['a unique conversation without members', { resource: 'conversation', operation: 'create', name: 'x', unique: true }, '"Unique" needs Members: a unique conversation is identified by its member set [item 0]'],
	[
		'a message timestamp in seconds',
		{ resource: 'message', operation: 'recall', ...reference, timestamp: 1764064800 },
		'"Message Timestamp" looks like seconds (1764064800); LeanCloud needs milliseconds, as output by Send [item 0]',
	],
	['an empty message ID', { resource: 'message', operation: 'delete', ...reference, messageId: '={{ $json.id }}' }, '"Message ID" is empty [item 0]'],
	[
		'a history window that ends before it starts',
		{ resource: 'message', operation: 'getAll', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), options: { after: '2026-11-02T00:00:00Z', before: '2026-11-01T00:00:00Z' } },
		'"Options > After" must be earlier than Before [item 0]',
	],
	['a Limit below 1', { resource: 'member', operation: 'getAll', conversationId: byId('c1c1c1c1c1c1c1c1c1c1c1c1'), limit: 0 }, '"Limit" must be between 1 and 9007199254740991, got 0 [item 0]'],
];

test.each(cases)('%s is a NodeOperationError naming the parameter and item, before any request', async (_name, parameters, message) => {
	const { error, output } = await runNode({ parameters });
	expect(output).toEqual([]);
	expect(error?.name).toBe('NodeOperationError');
	expect(error?.message).toBe(message);
	expect(error?.context?.itemIndex).toBe(0);
});

test('a bad item stops the node before the good items before it are sent', async () => {
	const { error } = await runNode({
		items: [{ text: 'fine' }, { text: 'fine too' }, { text: '' }],
		parameters: send({ text: '={{ $json.text }}' }),
	});
	expect(error?.message).toBe('"Text" is empty [item 2]');
	expect(error?.context?.itemIndex).toBe(2);
});

test('a missing Master Key is named before any request', async () => {
	const { error } = await runNode({ credentials: { ...defaultCredentials, serverSecret: '' }, parameters: send() });
	expect(error?.name).toBe('NodeOperationError');
	expect(error?.message).toBe('The credential has no Master Key, which "Send" needs [item 0]');
	expect(error?.description).toBe('Add the Master Key to the LeanCloud IM API credential.');
});

test('n8n itself refuses a literally empty required parameter before the node runs', async () => {
	const { error, output } = await runNode({ parameters: send({ text: '' }) });
	expect(output).toEqual([]);
	expect(error?.message).toContain('node has issues');
});
