import type { INodeProperties } from 'n8n-workflow';

/** One client ID (Params.clientId refuses a list). */
export function clientIdField(overrides: Partial<INodeProperties> & { description: string }): INodeProperties {
	return {
		displayName: 'Client ID',
		name: 'clientId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. alice',
		...overrides,
	};
}
