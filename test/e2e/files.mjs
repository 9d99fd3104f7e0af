// Files in the real n8n app: a workflow makes an image from a base64 string (n8n's Convert to File), sends it with
// File Source "Binary Data" (uploaded to the sandbox's storage host, then sent as an image message); an active
// workflow's trigger, with Download Files, receives it back as binary data, hashes it (n8n's Crypto node) and posts
// the hash. The bytes must be identical: the hash posted is the hash of the image made.
import { createHash } from 'node:crypto';

import { CREDENTIAL_ID, CREDENTIAL_NAME, sendMessageNode } from '../../scripts/n8n-instance.mjs';

const CREDENTIALS = { leanCloudImApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } };
const EVERY_5_SECONDS = { item: Array.from({ length: 12 }, (_, index) => ({ mode: 'custom', cronExpression: `${index * 5} * * * * *` })) };

/** A small PNG (8 x 8 header and some bytes): what the workflow makes and sends. */
export const PHOTO = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000008000000080806000000', 'hex'), Buffer.alloc(3000, 0x5a)]);
export const PHOTO_SHA256 = createHash('sha256').update(PHOTO).digest('hex');

/** Manual Trigger -> Edit Fields (the image as base64) -> Convert to File -> LeanCloud IM Send (File Source: Binary Data). */
/** @param {string} conversation */
export function photoSenderWorkflow(conversation) {
	const send = sendMessageNode({ name: 'Send Photo', position: [660, 0], conversation, fromClient: 'photo-bot', text: '' });
	Object.assign(send.parameters, { contentType: 'rich', messageType: 'image', richText: 'A photo made in n8n', fileSource: 'binaryData', binaryPropertyName: 'data' });
	return {
		id: 'lcimE2eFileSend1',
		name: 'E2E: send a photo from binary data',
		nodes: [
			{ id: 'm', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'b',
				name: 'Photo as Base64',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [220, 0],
				parameters: { assignments: { assignments: [{ id: 'p', name: 'photo', value: PHOTO.toString('base64'), type: 'string' }] }, options: {} },
			},
			{
				id: 'f',
				name: 'Convert to File',
				type: 'n8n-nodes-base.convertToFile',
				typeVersion: 1.1,
				position: [440, 0],
				parameters: { operation: 'toBinary', sourceProperty: 'photo', binaryPropertyName: 'data', options: { fileName: 'photo.png', mimeType: 'image/png' } },
			},
			send,
		],
		connections: {
			Start: { main: [[{ node: 'Photo as Base64', type: 'main', index: 0 }]] },
			'Photo as Base64': { main: [[{ node: 'Convert to File', type: 'main', index: 0 }]] },
			'Convert to File': { main: [[{ node: 'Send Photo', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/** Trigger (the photos conversation, Download Files) -> Crypto (SHA-256 of the binary data) -> Send "sha256:<hash>". */
/**
 * @param {string} conversation
 * @param {string} hashes
 * @param {string} startFrom
 */
export function photoReceiverWorkflow(conversation, hashes, startFrom) {
	return {
		id: 'lcimE2eFileRecv1',
		name: 'E2E: receive photos as binary data',
		nodes: [
			{
				id: 't',
				name: 'New Photo',
				type: 'n8n-nodes-leancloud-im.leanCloudImTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: EVERY_5_SECONDS,
					event: 'newMessage',
					scope: 'conversation',
					conversationId: { __rl: true, mode: 'id', value: conversation },
					options: { startFrom, downloadFiles: true },
				},
				credentials: CREDENTIALS,
			},
			{
				id: 'c',
				name: 'Hash Photo',
				type: 'n8n-nodes-base.crypto',
				typeVersion: 2,
				position: [220, 0],
				parameters: { action: 'hash', type: 'SHA256', binaryData: true, binaryPropertyName: 'data', dataPropertyName: 'sha256', encoding: 'hex' },
			},
			sendMessageNode({ name: 'Post Hash', position: [440, 0], conversation: hashes, fromClient: 'hash-bot', text: '=sha256:{{ $json.sha256 }}' }),
		],
		connections: {
			'New Photo': { main: [[{ node: 'Hash Photo', type: 'main', index: 0 }]] },
			'Hash Photo': { main: [[{ node: 'Post Hash', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}
