import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { runOperation } from './engine/executor';
import { runReplies } from './engine/replies';
import { searchAllConversations, searchChatRooms, searchConversations, searchServiceConversations } from '../shared/pickers/listSearch';
import { findOperation, nodeProperties } from './registry';

export class LeanCloudIm implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeanCloud IM',
		name: 'leanCloudIm',
		icon: { light: 'file:../../icons/leancloud-im.svg', dark: 'file:../../icons/leancloud-im.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Manage LeanCloud (TapTap TDS) Instant Messaging: conversations, chat rooms, service conversations, members, messages and moderation',
		defaults: { name: 'LeanCloud IM' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// The Hook Reply sends nothing, so it needs no credential.
		credentials: [{ name: 'leanCloudImApi', required: true, displayOptions: { hide: { resource: ['hookReply'] } } }],
		properties: nodeProperties(),
	};

	methods = {
		listSearch: { searchAllConversations, searchChatRooms, searchConversations, searchServiceConversations },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const resource = this.getNodeParameter('resource', 0) as string;
		const operation = this.getNodeParameter('operation', 0) as string;
		const op = findOperation(resource, operation);
		if (!op) {
			throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not known for "${resource}"`);
		}
		if (op.definition.reply) return [runReplies(this, op, this.continueOnFail())];
		return [await runOperation(this, op, this.continueOnFail())];
	}
}
