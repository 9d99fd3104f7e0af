/**
 * Fuzzing through the engine: random IDs must stay inside the endpoint they belong to, encoded, and
 * random values in every parameter may only end in output or in our two error types, never in a crash;
 * no output or error ever contains key material.
 */
import { NodeApiError, NodeOperationError, type INodeParameters, type INodeProperties } from 'n8n-workflow';
import nock from 'nock';

import { operationFields } from '../../nodes/LeanCloudIm/fields/operationFields';
import { LeanCloudIm } from '../../nodes/LeanCloudIm/LeanCloudIm.node';
import { resources } from '../../nodes/LeanCloudIm/registry';
import { byId, oid, resetNock } from '../harness/leancloud';
import { API_SERVER, runNode, TEST_APP_KEY, TEST_MASTER_KEY } from '../../harness/runNode';
import { random } from './random';

const ROUNDS = 120;
const SERVICE_ID = oid('svc');

beforeEach(resetNock);
afterEach(() => nock.cleanAll());

/** Answers every request with 200 and a plausible body, recording the raw paths. */
function anyRequest(paths: string[]) {
	const scope = nock(API_SERVER).persist();
	for (const method of ['GET', 'POST', 'PUT', 'DELETE']) {
		scope
			.intercept(() => true, method)
			.reply(function (uri) {
				paths.push(uri);
				if (method === 'POST' && uri.endsWith('/messages')) return [200, { result: { 'msg-id': 'm', timestamp: 1764064800000 } }];
				return [200, { results: [], result: [], client_ids: [] }];
			});
	}
}

test.each([1, 2, 3])('random client and message IDs stay inside their endpoint, encoded (seed %i)', async (seed) => {
	const rnd = random(seed);
	const paths: string[] = [];
	anyRequest(paths);
	for (let round = 0; round < ROUNDS / 3; round++) {
		// Half the rounds a valid client ID, so the message ID's encoding is what is tested there.
		const subscriberId = rnd.next() < 0.5 ? rnd.string() : `sub_${rnd.int(1e6)}`;
		const messageId = rnd.string();
		paths.length = 0;
		const { error } = await runNode({
			items: [{ subscriberId, messageId }],
			parameters: {
				resource: 'message',
				operation: 'delete',
				conversationType: 'serviceConversation',
				conversationId: byId(SERVICE_ID),
				subscriberId: '={{ $json.subscriberId }}',
				messageId: '={{ $json.messageId }}',
				timestamp: 1764064800123,
				fromClient: 'bot',
				options: { retryOnErrors: 'never' },
			},
		});
		const subscriber = subscriberId.trim();
		const message = messageId.trim();
		// Client IDs are letters, digits, _ and - (at most 64); message IDs are free-form but for "." and "..".
		const invalid = !/^[A-Za-z0-9_-]{1,64}$/.test(subscriber) || !message || ['.', '..'].includes(message);
		if (invalid) {
			expect([subscriberId, messageId, error?.name, paths]).toEqual([subscriberId, messageId, 'NodeOperationError', []]);
			continue;
		}
		expect(error).toBeUndefined();
		const expected = `/1.2/rtm/service-conversations/${SERVICE_ID}/subscribers/${encodeURIComponent(subscriber)}/messages/${encodeURIComponent(message)}`;
		expect(paths.map((path) => path.split('?')[0])).toEqual([expected]);
		// Exactly eight segments after the root: nothing in the IDs added a segment.
		expect(expected.split('/')).toHaveLength(9);
	}
});

test.each([1, 2, 3])('random conversation IDs never reach a path: only the 24-hex shape is accepted (seed %i)', async (seed) => {
	const rnd = random(seed);
	const paths: string[] = [];
	anyRequest(paths);
	for (let round = 0; round < ROUNDS / 3; round++) {
		const conversationId = rnd.string();
		paths.length = 0;
		const { error } = await runNode({
			items: [{ conversationId }],
			parameters: { resource: 'blacklist', operation: 'add', conversationId: byId('={{ $json.conversationId }}'), clientIds: 'troll' },
		});
		if (/^[0-9a-f]{24}$/i.test(conversationId.trim())) continue;
		expect([conversationId, error?.name, paths]).toEqual([conversationId, 'NodeOperationError', []]);
	}
});

/** The fields of an operation with a random value each (collections get a random subset of theirs). */
function randomParameters(rnd: ReturnType<typeof random>, fields: INodeProperties[]): INodeParameters {
	const parameters: INodeParameters = {};
	for (const field of fields) {
		if (rnd.next() < 0.3) continue;
		if (field.type === 'collection') {
			const nested: INodeParameters = {};
			for (const option of (field.options ?? []) as INodeProperties[]) if (rnd.next() < 0.4) nested[option.name] = rnd.value() as never;
			parameters[field.name] = nested;
		} else if (field.type === 'resourceLocator') {
			parameters[field.name] = byId(String(rnd.value()));
		} else {
			parameters[field.name] = rnd.value() as never;
		}
	}
	return parameters;
}

test('random values in every parameter of every operation end in output or in NodeOperationError / NodeApiError, never a crash or a key', async () => {
	const rnd = random(42);
	const paths: string[] = [];
	anyRequest(paths);
	const execute = jest.spyOn(LeanCloudIm.prototype, 'execute');
	const operations = resources.flatMap((resource) => resource.operations.map((op) => ({ resource: resource.value, op })));
	let failures = 0;
	for (let round = 0; round < ROUNDS; round++) {
		const { resource, op } = rnd.pick(operations);
		const parameters: INodeParameters = { ...randomParameters(rnd, operationFields(op)), resource, operation: op.value };
		// Keep the runs fast: no waiting for quotas or backoffs in a fuzz loop.
		parameters.options = { ...((parameters.options as object) ?? {}), retryOnErrors: 'never', maxRateLimitWait: 0, timeout: 5 };
		execute.mockClear();
		const result = await runNode({ parameters, continueOnFail: rnd.next() < 0.5 });

		const nodeRun = execute.mock.results[0]?.value as Promise<unknown> | undefined;
		if (nodeRun) {
			const thrown = await nodeRun.then(
				() => undefined,
				(error: unknown) => error,
			);
			if (thrown !== undefined) {
				failures++;
				const known = thrown instanceof NodeOperationError || thrown instanceof NodeApiError;
				// Errors made from a message carry a plain Error as cause; a TypeError, RangeError... means a crash was wrapped.
				const cause = (thrown as { cause?: unknown }).cause;
				const crashed = cause instanceof Error && cause.name !== 'Error';
				expect([op.value, parameters, known, crashed, String(thrown)]).toEqual([op.value, parameters, true, false, String(thrown)]);
			}
		}
		const everything = JSON.stringify([result.output, result.error?.message, result.error?.description, result.error?.errorResponse]);
		expect(everything).not.toContain(TEST_MASTER_KEY);
		expect(everything).not.toContain(TEST_APP_KEY);
		// Every request stays on its endpoints: the IM API, or the storage API's file routes.
		for (const path of paths) expect([path, path.startsWith('/1.2/rtm/') || /^\/1\.1\/(fileTokens|fileCallback|files)(\/[^/]*)?$/.test(path)]).toEqual([path, true]);
	}
	expect(failures).toBeGreaterThan(0);
	execute.mockRestore();
});
