// The Hook Reply: each decision as the item the workflow ends with, and as the forwarder turns that item into the
// hook's answer to LeanCloud (its own replyFor). Nothing is sent; bad input names the parameter and the item.
import nock from 'nock';

import { runNode } from '../../harness/runNode';
import { replyFor } from '../harness/forwarder.cjs';

const rich = JSON.stringify({ _lctype: -2, _lctext: 'call 13800138000', _lcfile: { url: 'https://files.example.com/a.png' } });

const cases: Array<[string, object, object, string, object]> = [
	['deliver', {}, { decision: 'deliver', hookReply: {} }, '_messageReceived', {}],
	['drop', { detail: 'Banned word', options: { code: 7 } }, { decision: 'drop', hookReply: { drop: true, code: 7, detail: 'Banned word' } }, '_messageReceived', { drop: true, code: 7, detail: 'Banned word' }],
	['drop', {}, { decision: 'drop', hookReply: { drop: true, code: 1 } }, '_messageUpdate', { drop: true, code: 1 }],
	['rewrite', { text: 'call ***', originalContent: 'call 13800138000' }, { decision: 'rewrite', hookReply: { content: 'call ***' } }, '_messageReceived', { content: 'call ***' }],
	[
		'rewrite',
		{ text: 'call ***', originalContent: rich },
		{ decision: 'rewrite', hookReply: { content: JSON.stringify({ _lctype: -2, _lctext: 'call ***', _lcfile: { url: 'https://files.example.com/a.png' } }) } },
		'_messageReceived',
		{ content: JSON.stringify({ _lctype: -2, _lctext: 'call ***', _lcfile: { url: 'https://files.example.com/a.png' } }) },
	],
	['changeRecipients', { toPeers: 'agent-7, moderator-1' }, { decision: 'changeRecipients', hookReply: { toPeers: ['agent-7', 'moderator-1'] } }, '_messageReceived', { toPeers: ['agent-7', 'moderator-1'] }],
	['refuse', { detail: 'No spammers' }, { decision: 'refuse', hookReply: { reject: true, code: 1, detail: 'No spammers' } }, '_conversationAdd', { reject: true, code: 1, detail: 'No spammers' }],
	['customisePush', { skip: true }, { decision: 'skipPush', hookReply: { skip: true } }, '_receiversOffline', { skip: true }],
	[
		'customisePush',
		{ alert: 'New message from agent-7', options: { offlinePeers: 'customer-1', force: true } },
		{ decision: 'customisePush', hookReply: { pushMessage: '{"alert":"New message from agent-7"}', offlinePeers: ['customer-1'], force: true } },
		'_receiversOffline',
		{ pushMessage: '{"alert":"New message from agent-7"}', offlinePeers: ['customer-1'], force: true },
	],
];

test.each(cases)('%s %j: the item, and the hook\'s answer the forwarder passes on', async (operation, fields, item, hook, answer) => {
	const { output, error } = await runNode({ parameters: { resource: 'hookReply', operation, ...fields }, items: [{ content: 'from the trigger' }] });
	expect(error).toBeUndefined();
	expect(output.map((entry) => entry.json)).toEqual([item]);
	expect(output[0].pairedItem).toEqual({ item: 0 });
	expect(replyFor(hook, output[0].json)).toEqual({ decided: true, reply: answer, refused: [] });
	expect(nock.pendingMocks()).toEqual([]);
});

test("Rewrite Text reads the trigger's content by default, item by item", async () => {
	const { output } = await runNode({
		parameters: { resource: 'hookReply', operation: 'rewrite', text: '={{ $json.text.replace(/\\d{7,}/g, "***") }}' },
		items: [
			{ content: 'call 13800138000', text: 'call 13800138000' },
			{ content: rich, text: 'call 13800138000' },
		],
	});
	expect(output.map((entry) => entry.json.hookReply)).toEqual([
		{ content: 'call ***' },
		{ content: JSON.stringify({ _lctype: -2, _lctext: 'call ***', _lcfile: { url: 'https://files.example.com/a.png' } }) },
	]);
});

test('bad input names the parameter and the item; with Continue On Fail each item gets its own result', async () => {
	const items = [{ to: 'agent-7' }, { to: '' }, { to: 'a b' }];
	const failed = await runNode({ parameters: { resource: 'hookReply', operation: 'changeRecipients', toPeers: '={{ $json.to }}' }, items });
	expect(failed.error?.message).toMatch(/Recipients/);
	expect(failed.error?.message).toMatch(/needs at least one client ID/);
	expect(failed.error?.context?.itemIndex).toBe(1);
	const continued = await runNode({ parameters: { resource: 'hookReply', operation: 'changeRecipients', toPeers: '={{ $json.to }}' }, items, continueOnFail: true });
	expect(continued.output.map((entry) => [entry.pairedItem, entry.json.error === undefined])).toEqual([
		[{ item: 0 }, true],
		[{ item: 1 }, false],
		[{ item: 2 }, false],
	]);
	const tooLong = await runNode({ parameters: { resource: 'hookReply', operation: 'rewrite', text: 'x'.repeat(6000), originalContent: '' } });
	expect(tooLong.error?.message).toMatch(/New Text.*5 KB/);
});
