import type { OperationDef } from '../../engine/operation';
import { decision, forEventsTaking } from './fields';

export const customisePush: OperationDef = {
	value: 'customisePush',
	name: 'Customise Push',
	action: 'Customise or skip the offline push',
	description: `Change the push notification offline receivers get, or skip it. ${forEventsTaking('pushMessage')}.`,
	properties: [
		{
			displayName: 'Skip Push',
			name: 'skip',
			type: 'boolean',
			default: false,
			description: 'Whether to send no push notification for this message',
		},
		{
			displayName: 'Push Text',
			name: 'alert',
			type: 'string',
			default: '',
			placeholder: 'e.g. New message from {{ $json.fromClient }}',
			description: "The notification's text (LeanCloud's alert). Empty: the app's push template.",
			displayOptions: { show: { skip: [false] } },
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			description: 'Who gets the push',
			displayOptions: { show: { skip: [false] } },
			options: [
				{
					displayName: 'Only To',
					name: 'offlinePeers',
					type: 'string',
					default: '',
					placeholder: 'e.g. customer-1',
					description: 'Push only to these offline client IDs (separated by commas)',
				},
				{
					displayName: 'Push to Muted Members',
					name: 'force',
					type: 'boolean',
					default: false,
					description: 'Whether members who muted the conversation get the push too',
				},
			],
		},
	],
	reply(p) {
		if (p.boolean('skip')) return decision('skipPush', { skip: true });
		const options = p.collection('options');
		const alert = p.string('alert').trim();
		return decision('customisePush', {
			...(alert ? { pushMessage: JSON.stringify({ alert }) } : {}),
			...(options.has('offlinePeers') ? { offlinePeers: options.clientIds('offlinePeers') } : {}),
			...(options.boolean('force') ? { force: true } : {}),
		});
	},
};
