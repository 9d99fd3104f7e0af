// The LeanCloud IM Trigger in the real n8n app: active workflows polling the sandbox. One workflow
// acknowledges every new message (into an "acks" conversation, as a bot whose own messages the trigger
// ignores); the moderation example recalls and mutes banned messages. Messages are sent through the
// sandbox's REST API before n8n starts and across several polls; every message must be handled exactly once.
// n8n refuses poll intervals under a minute, so the workflows poll at twelve fixed seconds of each minute.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { CREDENTIAL_ID, CREDENTIAL_NAME, REPO, executeWorkflow, importWorkflows, n8nCli, sendMessageNode, startN8n, stopProcess } from '../../scripts/n8n-instance.mjs';
import { PHOTO_SHA256, photoReceiverWorkflow, photoSenderWorkflow } from './files.mjs';
import { expect } from './check.mjs';

const EVERY_5_SECONDS = { item: Array.from({ length: 12 }, (_, index) => ({ mode: 'custom', cronExpression: `${index * 5} * * * * *` })) };
const CREDENTIALS = { leanCloudImApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };
/** @type {(ms: number) => Promise<void>} */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @param {string} ackConversation
 * @param {string} startFrom
 */
function ackWorkflow(ackConversation, startFrom) {
	return {
		id: 'lcimE2eTrigger01',
		name: 'E2E: acknowledge every new message',
		nodes: [
			{
				id: 't',
				name: 'New Message',
				type: 'n8n-nodes-leancloud-im.leanCloudImTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: EVERY_5_SECONDS, event: 'newMessage', scope: 'app', options: { ignoreFrom: 'ack-bot, photo-bot, hash-bot', startFrom } },
				credentials: CREDENTIALS,
			},
			sendMessageNode({ name: 'Acknowledge', conversation: ackConversation, fromClient: 'ack-bot', text: '=ack:{{ $json.messageId }}' }),
		],
		connections: { 'New Message': { main: [[{ node: 'Acknowledge', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** Sends a message through the sandbox's REST API, as any LeanCloud client would; returns its ID. */
/**
 * @param {import('../../sandbox/server.cjs').Sandbox} sandbox
 * @param {string} conversation
 * @param {string} from
 * @param {string} message
 */
async function send(sandbox, conversation, from, message) {
	const response = await fetch(`${sandbox.url}/1.2/rtm/conversations/${conversation}/messages`, {
		method: 'POST',
		headers: { 'X-LC-Id': sandbox.appId, 'X-LC-Key': `${sandbox.masterKey},master`, 'Content-Type': 'application/json' },
		body: JSON.stringify({ from_client: from, message }),
	});
	const body = /** @type {{ result: Record<string, string> }} */ (await response.json());
	if (!response.ok) throw new Error(`send failed: ${JSON.stringify(body)}`);
	return body.result['msg-id'];
}

/**
 * @param {{ runtime: import('../../scripts/n8n-runtime.mjs').N8nRuntime, userFolder: string, sandbox: import('../../sandbox/server.cjs').Sandbox, demoConversation: string }} options
 */
export async function checkTrigger({ runtime, userFolder, sandbox, demoConversation }) {
	const acks = sandbox.store.createConversation({ name: 'acks', m: ['ack-bot'] }).objectId;
	const room = sandbox.store.createConversation({ name: 'E2E lounge', m: ['alice', 'bob'] }).objectId;
	const startFrom = new Date().toISOString();
	const moderation = JSON.parse(readFileSync(join(REPO, 'examples', 'moderation.workflow.json'), 'utf8'));
	const trigger = moderation.nodes.find((/** @type {{ type: string }} */ node) => node.type.endsWith('.leanCloudImTrigger'));
	trigger.parameters.pollTimes = EVERY_5_SECONDS;
	trigger.parameters.options.startFrom = startFrom;
	// Files: a photo made in a workflow and sent from binary data; an active workflow receives it as binary data.
	const photos = sandbox.store.createConversation({ name: 'E2E photos', m: ['photo-bot'] }).objectId;
	const hashes = sandbox.store.createConversation({ name: 'E2E hashes', m: ['hash-bot'] }).objectId;
	const files = [join(userFolder, 'ack.workflow.json'), join(userFolder, 'moderation-live.workflow.json'), join(userFolder, 'photo-send.workflow.json'), join(userFolder, 'photo-receive.workflow.json')];
	writeFileSync(files[0], JSON.stringify(ackWorkflow(acks, startFrom)));
	writeFileSync(files[1], JSON.stringify(moderation));
	writeFileSync(files[2], JSON.stringify(photoSenderWorkflow(photos)));
	writeFileSync(files[3], JSON.stringify(photoReceiverWorkflow(photos, hashes, startFrom)));
	await importWorkflows(runtime, userFolder, files);
	const photoRun = await executeWorkflow(runtime, userFolder, 'lcimE2eFileSend1');
	const photoError = photoRun.run?.data?.resultData?.error?.message;
	expect(photoError, `sending the photo: ${photoError ?? (photoRun.stdout + photoRun.stderr).slice(-800)}`).toBe(undefined);
	const sentPhoto = photoRun.run?.data?.resultData?.runData?.['Send Photo']?.[0]?.data?.main?.[0]?.[0]?.json;
	expect(sentPhoto?.file?.url, 'the photo was uploaded and sent with its file').toBeTruthy();
	for (const id of ['lcimE2eTrigger01', moderation.id, 'lcimE2eFileRecv1']) {
		const published = await n8nCli(runtime, userFolder, ['publish:workflow', `--id=${id}`]);
		expect(published.status, `publish ${id}: ${published.stdout.slice(-500)}`).toBe(0);
	}

	const sent = [];
	// Before n8n runs: Start From covers them.
	sent.push(await send(sandbox, room, 'alice', 'Hi before the first poll'));
	sent.push(await send(sandbox, demoConversation, 'customer-1', 'Is anyone there?'));
	const n8n = await startN8n(runtime, userFolder, 5697, { quiet: true });
	/** @type {string[]} */
	const banned = [];
	try {
		const ackedIds = () =>
			(sandbox.store.messages.get(acks) ?? []).map((record) => record.data.replace(/^ack:/, ''));
		/** @type {(count: number, withinMs: number) => Promise<void>} */
		const waitForAcks = async (count, withinMs) => {
			const deadline = Date.now() + withinMs;
			while (ackedIds().length < count && Date.now() < deadline) await sleep(250);
		};
		await waitForAcks(sent.length, 30_000);
		// Across several polls: a burst, a pause, then more, one of them banned.
		for (let index = 0; index < 5; index++) sent.push(await send(sandbox, room, index % 2 ? 'bob' : 'alice', `burst ${index}`));
		await sleep(6_000);
		sent.push(await send(sandbox, room, 'bob', 'after a pause'));
		const spam = await send(sandbox, demoConversation, 'spammer-9', 'Buy cheap pills at spam.example');
		sent.push(spam);
		banned.push(spam);
		await waitForAcks(sent.length, 30_000);
		// Two more polls, to catch any message handled twice.
		await sleep(11_000);
		const acked = ackedIds();
		expect([...acked].sort(), 'each message acknowledged exactly once').toEqual([...sent].sort());
		const posted = (sandbox.store.messages.get(hashes) ?? []).map((record) => record.data);
		expect(posted, 'the photo received as binary data, once, with the bytes that were sent').toEqual([`sha256:${PHOTO_SHA256}`]);
	} finally {
		await stopProcess(n8n.child);
	}
	const recalls = sandbox.requests.filter((request) => request.method === 'PUT' && request.path.includes(`/messages/${banned[0]}/recall`));
	expect(recalls.length, 'the banned message recalled exactly once').toBe(1);
	const record = sandbox.store.messages.get(demoConversation)?.find((row) => row['msg-id'] === banned[0]);
	expect(record?.recall, 'recalled in the sandbox').toBe(true);
	expect(sandbox.store.temporarySilences.get(demoConversation)?.has('spammer-9'), 'the spammer is muted').toBe(true);
	return { sent: sent.length };
}
