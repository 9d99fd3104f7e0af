import type { OperationDef } from '../../engine/operation';
import { decision, forEventsTaking } from './fields';

export const changeRecipients: OperationDef = {
	value: 'changeRecipients',
	name: 'Change Recipients',
	action: 'Deliver the message to other recipients',
	description: `Only these members receive the message (e.g. hide it from a muted user, or send it to moderators only). ${forEventsTaking('toPeers')}.`,
	properties: [
		{
			displayName: 'Recipients',
			name: 'toPeers',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. agent-7, moderator-1',
			description: 'Client IDs, separated by commas or new lines, or a list from an expression',
		},
	],
	reply: (p) => decision('changeRecipients', { toPeers: p.clientIds('toPeers', { max: 5000 }) }),
};
