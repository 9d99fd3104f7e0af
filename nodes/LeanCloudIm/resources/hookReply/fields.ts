import type { INodeProperties } from 'n8n-workflow';

import { HOOKS } from '../../../shared/hooks/catalogue';
import type { Params } from '../../../shared/params/params';

/** Reason and code of a refusal: LeanCloud hands both to the sender's app with error 4402 (message) or 4305 (change). */
export const refusalFields: INodeProperties[] = [
	{
		displayName: 'Reason',
		name: 'detail',
		type: 'string',
		default: '',
		placeholder: 'e.g. Your message contains a banned word',
		description: "Shown to the sender's app with the refusal",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'More about the refusal',
		options: [
			{
				displayName: 'Code',
				name: 'code',
				type: 'number',
				typeOptions: { minValue: 1, numberPrecision: 0 },
				default: 1,
				description: "A number of your choice the sender's app receives with the refusal, to tell reasons apart",
			},
		],
	},
];

/** The refusal's reason and code as the hook answers them. */
export function refusal(p: Params): { code: number; detail?: string } {
	const options = p.collection('options');
	const code = options.has('code') ? options.integer('code', { min: 1, max: 2_147_483_647 }) : 1;
	const detail = p.string('detail').trim();
	if (detail.length > 1000) p.fail('detail', 'is longer than 1,000 characters');
	return detail ? { code, detail } : { code };
}

/** What every Hook Reply outputs: the decision by name, and the hook's answer the forwarder passes to LeanCloud. */
export const decision = (name: string, hookReply: Record<string, unknown>) => ({ decision: name, hookReply });

/** Which of the Hook Trigger's events take a reply field, as the operation's description says it: "For A and B". */
export function forEventsTaking(field: string): string {
	const names = HOOKS.filter((entry) => field in entry.reply).map((entry) => entry.name);
	return `For ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]}`;
}
