import type { INodeProperties, INodePropertyCollection, INodePropertyOptions } from 'n8n-workflow';

import { QUOTA_VALUES } from '../nodes/LeanCloudIm/engine/executionOptions';
import { operationFields } from '../nodes/LeanCloudIm/fields/operationFields';
import { LeanCloudIm } from '../nodes/LeanCloudIm/LeanCloudIm.node';
import { findOperation, resources } from '../nodes/LeanCloudIm/registry';
import { LeanCloudImTrigger } from '../nodes/LeanCloudImTrigger/LeanCloudImTrigger.node';
import { LeanCloudImHookTrigger } from '../nodes/LeanCloudImHookTrigger/LeanCloudImHookTrigger.node';

const node = new LeanCloudIm();
const trigger = new LeanCloudImTrigger();
const hookTrigger = new LeanCloudImHookTrigger();
const properties = node.description.properties;

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'or', 'of', 'in', 'to', 'by', 'for', 'the', 'with', 'per', 'on']);
const isTitleCase = (text: string) =>
	text.split(' ').every((word) => SMALL_WORDS.has(word) || /^[A-Z0-9(]/.test(word) || word === 'e.g.');

/** Every property, including the fields inside collections, with a path for error messages. */
function allProperties(list: INodeProperties[], path = ''): Array<[string, INodeProperties]> {
	return list.flatMap((property) => {
		const here = `${path}${property.name}`;
		const nested = (property.options ?? []).filter((option): option is INodeProperties => 'type' in option);
		return [[here, property] as [string, INodeProperties], ...allProperties(nested, `${here}.`)];
	});
}

describe('registry', () => {
	test('the node offers every resource with at least one operation, and finds each by value', () => {
		expect(resources.map((resource) => resource.value)).toEqual([
			'app',
			'blacklist',
			'broadcast',
			'chatRoom',
			'client',
			'conversation',
			'file',
			'hookReply',
			'member',
			'message',
			'mute',
			'pushNotification',
			'role',
			'serviceConversation',
			'subscriber',
		]);
		for (const resource of resources) {
			for (const op of resource.operations) expect(findOperation(resource.value, op.value)?.definition).toBe(op);
			// The resource's operation picker offers exactly its operations, starting on the first.
			const picker = properties.find((property) => property.name === 'operation' && property.displayOptions?.show?.resource?.[0] === resource.value);
			expect((picker?.options as INodePropertyOptions[]).map((option) => option.value)).toEqual(resource.operations.map((op) => op.value));
			expect(picker?.default).toBe(resource.operations[0].value);
		}
	});

	test('operation pickers are sorted by name, Title Case, with an action and a description', () => {
		for (const resource of resources) {
			const names = resource.operations.map((op) => op.name);
			expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
			for (const op of resource.operations) {
				expect(isTitleCase(op.name)).toBe(true);
				expect(op.action).toMatch(/^[A-Z][a-z]+ [a-z]/);
				expect(op.description.length).toBeGreaterThan(10);
			}
		}
	});

	test('every operation field is shown only for its own resource and operation', () => {
		for (const resource of resources) {
			for (const op of resource.operations) {
				for (const field of op.properties) {
					// Same-name fields (one picker per conversation type) are told apart by their own conditions.
					const stamped = properties.filter(
						(property) =>
							property.name === field.name &&
							property.displayName === field.displayName &&
							JSON.stringify(property.displayOptions?.show?.conversationType) === JSON.stringify(field.displayOptions?.show?.conversationType) &&
							property.displayOptions?.show?.resource?.[0] === resource.value &&
							property.displayOptions?.show?.operation?.[0] === op.value,
					);
					expect(stamped).toHaveLength(1);
				}
			}
		}
	});

	test('Get Many operations have Return All and a Limit defaulting to 50, minimum 1', () => {
		for (const resource of resources) {
			for (const op of resource.operations.filter((candidate) => candidate.value === 'getAll')) {
				expect(op.list).toBeDefined();
				const limit = op.properties.find((property) => property.name === 'limit');
				expect(op.properties.some((property) => property.name === 'returnAll')).toBe(true);
				expect(limit).toMatchObject({ default: 50, typeOptions: { minValue: 1 }, displayOptions: { show: { returnAll: [false] } } });
			}
		}
	});
});

test('the Message Quota field offers exactly the values the executor reads', () => {
	const send = findOperation('message', 'send');
	const options = send?.fields.find((property) => property.name === 'options')?.options as INodeProperties[];
	const quota = options.find((field) => field.name === 'quota');
	expect((quota?.options as Array<{ value: string }>).map((option) => option.value).sort()).toEqual([...QUOTA_VALUES].sort());
});

test('Message Quota is offered only where requests count against the message quota', () => {
	for (const resource of resources) {
		for (const op of resource.operations) {
			const options = operationFields(op).find((property) => property.name === 'options');
			const names = ((options?.options ?? []) as INodeProperties[]).map((field) => field.name);
			expect([`${resource.value}.${op.value}`, names.includes('quota')]).toEqual([`${resource.value}.${op.value}`, op.bucket === 'normal']);
		}
	}
});

describe.each([
	['LeanCloud IM', properties],
	['LeanCloud IM Trigger', trigger.description.properties],
	['LeanCloud IM Hook Trigger', hookTrigger.description.properties],
] as const)('%s: UI text follows n8n\'s guidelines', (_node, nodeProperties) => {
	const fields = allProperties(nodeProperties);

	test('names are Title Case and every field has a description', () => {
		for (const [path, property] of fields) {
			// A notice is a sentence, and its own description.
			if (property.type === 'notice') continue;
			expect([path, isTitleCase(property.displayName)]).toEqual([path, true]);
			if (!['resource', 'operation'].includes(property.name)) expect([path, Boolean(property.description)]).toEqual([path, true]);
		}
	});

	test('booleans start with "Whether"', () => {
		for (const [path, property] of fields.filter(([, candidate]) => candidate.type === 'boolean')) {
			expect([path, property.description]).toEqual([path, expect.stringMatching(/^Whether /)]);
		}
	});

	test('free-text placeholders start with "e.g."', () => {
		for (const [path, property] of fields) {
			if (property.placeholder && !['collection', 'fixedCollection'].includes(property.type)) {
				expect([path, property.placeholder]).toEqual([path, expect.stringMatching(/^e\.g\. /)]);
			}
		}
	});

	test('option names are Title Case', () => {
		for (const [path, property] of fields.filter(([, candidate]) => ['options', 'multiOptions'].includes(candidate.type))) {
			for (const option of (property.options ?? []) as Array<INodePropertyOptions | INodePropertyCollection>) {
				expect([path, option.name, isTitleCase(String(option.name))]).toEqual([path, option.name, true]);
			}
		}
	});
});

test('the action node is usable as an AI tool and has a subtitle; the trigger has a subtitle', () => {
	expect(node.description.usableAsTool).toBe(true);
	expect(node.description.subtitle).toContain('$parameter["operation"]');
	expect(trigger.description.subtitle).toContain('$parameter["event"]');
});
