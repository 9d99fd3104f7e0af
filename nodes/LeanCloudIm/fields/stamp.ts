import type { INodeProperties } from 'n8n-workflow';

/**
 * Shows each property only for this resource and operation, keeping any conditions it already has.
 * A local helper rather than n8n-workflow's updateDisplayOptions, which older n8n 1.x releases lack.
 */
export function showOnlyFor(resource: string, operation: string, properties: INodeProperties[]): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: {
				...property.displayOptions?.show,
				resource: [resource],
				operation: [operation],
			},
		},
	}));
}
