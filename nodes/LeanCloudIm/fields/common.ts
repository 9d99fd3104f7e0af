import type { INodeProperties } from 'n8n-workflow';

/** Return All + Limit, as n8n's Get Many operations have them; the executor pages under the hood. */
export function returnAllAndLimit(): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1 },
			displayOptions: { show: { returnAll: [false] } },
			description: 'Max number of results to return',
		},
	];
}

/** Several client IDs, split on commas and new lines (Params.clientIds). */
export function clientIdsField(overrides: Partial<INodeProperties> & { description: string }): INodeProperties {
	return {
		displayName: 'Client IDs',
		name: 'clientIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. alice, bob',
		hint: 'Separate several IDs with commas',
		...overrides,
	};
}

/** The fields that identify a sent message; Send outputs all three under the same names. */
export const messageReferenceFields: INodeProperties[] = [
	{
		displayName: 'Message ID',
		name: 'messageId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. tJQ6fs8GRhq8Q9WNohovZw',
		description: 'ID of the message, as output by Send or Get Many (messageId)',
	},
	{
		displayName: 'Message Timestamp',
		name: 'timestamp',
		type: 'number',
		default: 0,
		required: true,
		placeholder: 'e.g. 1495431811151',
		description: 'The original send time in Unix milliseconds, as output by Send or Get Many (timestamp). LeanCloud needs it to find the message.',
	},
	{
		displayName: 'From Client ID',
		name: 'fromClient',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. alice',
		description: 'Client ID of the original sender, as output by Send or Get Many (fromClient)',
	},
];
