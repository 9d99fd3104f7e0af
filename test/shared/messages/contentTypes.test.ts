import { CONTENT_TYPES, contentTypeOf, CUSTOM_TYPE } from '../../../nodes/shared/messages/contentTypes';
import { simplifyRecord } from '../../../nodes/shared/messages/simplify';
import { MESSAGE_TYPES, triggerProperties } from '../../../nodes/LeanCloudImTrigger/fields';
import type { INodeProperties } from 'n8n-workflow';

const record = (data: string) => ({ timestamp: 1, 'conv-id': 'c', data, from: 'alice', 'msg-id': 'm1' });

test.each([
	['plain text', 'hello', 'text'],
	['a typed text message', '{"_lctype":-1,"_lctext":"hi"}', 'text'],
	['an image', '{"_lctype":-2,"_lcfile":{"url":"https://files.example/a.png"}}', 'image'],
	['a recalled message', '{"_lctype":-127}', 'recalled'],
	['a custom type', '{"_lctype":3,"_lctext":"poll"}', 'other'],
	['JSON that is not a typed message', '{"kind":"note"}', 'text'],
	['broken JSON', '{"_lctype":', 'text'],
])('%s is "%s" for the trigger\'s filter, and Simplify names it alike', (_name, data, type) => {
	expect(contentTypeOf(data)).toBe(type);
	const simple = simplifyRecord(record(data));
	// Simplify names the built-in types; a custom type keeps its number so workflows can tell custom types apart.
	if (type === CUSTOM_TYPE) expect(simple.contentType).toBe(3);
	else if (data.startsWith('{"_lctype":-')) expect(simple.contentType).toBe(type);
});

test('the trigger\'s Message Types filter offers exactly the table\'s types and "other"', () => {
	const expected = [...Object.values(CONTENT_TYPES), CUSTOM_TYPE].sort();
	expect([...MESSAGE_TYPES].sort()).toEqual(expected);
	const options = triggerProperties.find((property) => property.name === 'options')?.options as INodeProperties[];
	const filter = options.find((field) => field.name === 'messageTypes');
	expect((filter?.options as Array<{ value: string }>).map((option) => option.value).sort()).toEqual(expected);
});
