import type { INodeProperties } from 'n8n-workflow';

import { showOnlyFor } from './fields/stamp';
import { operationFields } from './fields/operationFields';
import type { AssembledOperation, ResourceDef } from './engine/operation';
import { app } from './resources/app';
import { blacklist } from './resources/blacklist';
import { broadcast } from './resources/broadcast';
import { chatRoom } from './resources/chatRoom';
import { client } from './resources/client';
import { conversation } from './resources/conversation';
import { file } from './resources/file';
import { hookReply } from './resources/hookReply';
import { member } from './resources/member';
import { message } from './resources/message';
import { mute } from './resources/mute';
import { pushNotification } from './resources/pushNotification';
import { role } from './resources/role';
import { serviceConversation } from './resources/serviceConversation';
import { subscriber } from './resources/subscriber';

/** Every resource the node offers, in the order the picker shows them. Adding an operation = adding it to its resource. */
export const resources: ResourceDef[] = [
	app,
	blacklist,
	broadcast,
	chatRoom,
	client,
	conversation,
	file,
	hookReply,
	member,
	message,
	mute,
	pushNotification,
	role,
	serviceConversation,
	subscriber,
];

/** Every operation assembled once: its declaration and its fields (its own, with the execution options). */
const assembled = new Map<string, AssembledOperation>(
	resources.flatMap((resource) =>
		resource.operations.map((definition): [string, AssembledOperation] => [`${resource.value}:${definition.value}`, { definition, fields: operationFields(definition) }]),
	),
);

/** The operation the node runs for a resource and operation value, as the executor takes it. */
export function findOperation(resource: string, operation: string): AssembledOperation | undefined {
	return assembled.get(`${resource}:${operation}`);
}

const operationPicker: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	options: [],
	default: '',
};

/** The node's parameters: resource picker, one operation picker per resource, then each operation's own fields. */
export function nodeProperties(): INodeProperties[] {
	const properties: INodeProperties[] = [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: resources.map(({ name, value, description }) => ({ name, value, description })),
			default: 'conversation',
		},
	];
	for (const resource of resources) {
		properties.push({
			...operationPicker,
			displayOptions: { show: { resource: [resource.value] } },
			options: resource.operations.map(({ name, value, action, description }) => ({ name, value, action, description })),
			// Each resource's picker starts on its first operation.
			default: resource.operations[0].value,
		});
	}
	for (const resource of resources) {
		for (const op of resource.operations) {
			properties.push(...showOnlyFor(resource.value, op.value, (findOperation(resource.value, op.value) as AssembledOperation).fields));
		}
	}
	return properties;
}
