import type { OperationDef } from '../../engine/operation';
import { typedContent } from '../../../shared/messages/contentTypes';
import { replaceText } from '../../../shared/messages/replaceText';
import { decision, forEventsTaking } from './fields';

/** LeanCloud's largest message (a longer rewrite would fail delivery with 4109). */
const MAX_CONTENT_BYTES = 5 * 1024;

export const rewrite: OperationDef = {
	value: 'rewrite',
	name: 'Rewrite Text',
	action: 'Deliver the message with new text',
	description: `Everyone receives the new text instead; the sender's app is told the message changed. A rich message keeps its type, files and attributes. ${forEventsTaking('content')}.`,
	properties: [
		{
			displayName: 'New Text',
			name: 'text',
			type: 'string',
			default: '',
			required: true,
			typeOptions: { rows: 2 },
			placeholder: 'e.g. {{ $json.text.replace(/\\d{7,}/g, "***") }}',
			description: 'The text receivers get',
		},
		{
			displayName: 'Original Content',
			name: 'originalContent',
			type: 'string',
			default: '={{ $json.content }}',
			description:
				"The message's content as the trigger gave it, so a rich message (image, file…) keeps everything but its text. The default reads the trigger's item.",
		},
	],
	reply(p) {
		const text = p.string('text');
		const original = p.string('originalContent');
		const typed = typedContent(original);
		// Only the text changes: the rest of a rich message is passed on byte for byte.
		const content = typed ? replaceText(original, text) : text;
		if (Buffer.byteLength(content) > MAX_CONTENT_BYTES) p.fail('text', `makes the message ${Buffer.byteLength(content)} bytes; LeanCloud takes at most 5 KB`);
		return decision('rewrite', { content });
	},
};
