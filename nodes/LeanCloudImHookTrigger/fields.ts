import type { INodeProperties } from 'n8n-workflow';

import { HOOKS } from '../shared/hooks/catalogue';

export const SERVICE_CALLBACK = 'serviceMessage';
const blockingEvents = HOOKS.filter((entry) => entry.blocking).map((entry) => entry.value);

export const hookTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'LeanCloud calls IM hooks only on LeanEngine: deploy the forwarder (leanengine/ in this package\'s repository) and set its N8N_HOOK_URL to this node\'s Production URL. See the README\'s "Moderate before delivery".',
		name: 'forwarderNotice',
		type: 'notice',
		default: '',
		displayOptions: { hide: { event: [SERVICE_CALLBACK] } },
	},
	{
		displayName: 'Event',
		name: 'event',
		type: 'options',
		noDataExpression: true,
		default: 'messageReceived',
		description: 'The IM hook that starts the workflow. Events marked "before" wait for the workflow\'s decision.',
		options: [
			...HOOKS.map((entry) => ({ name: entry.name, value: entry.value, description: entry.description })),
			{
				name: 'Service Conversation Message (Callback)',
				value: SERVICE_CALLBACK,
				description: 'Messages users send to service conversations, from the console\'s message callback URL (no LeanEngine needed)',
			},
		].sort((a, b) => a.name.localeCompare(b.name)),
	},
	{
		displayName:
			'The workflow decides: end it with the LeanCloud IM node\'s Hook Reply (Deliver, Drop, Rewrite…). Keep it short: the forwarder waits 1.5 s by default, then delivers unchanged (or refuses, if set to fail-closed).',
		name: 'decisionNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { event: blockingEvents } },
	},
	{
		displayName:
			'Paste this node\'s Production URL with ?token=<the credential\'s Callback Token> into the console: IM > Settings > Service conversation message callback. LeanCloud signs nothing, so the token is the only check.',
		name: 'callbackNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { event: [SERVICE_CALLBACK] } },
	},
	{
		displayName: 'Output',
		name: 'callbackOutput',
		type: 'options',
		default: 'message',
		description: 'LeanCloud sends messages in batches; n8n starts one execution per call',
		displayOptions: { show: { event: [SERVICE_CALLBACK] } },
		options: [
			{ name: 'One Item per Message', value: 'message', description: 'Each message is an item of the execution' },
			{ name: 'One Item per Batch', value: 'batch', description: 'One item with the batch\'s messages in "messages"' },
		],
	},
];
