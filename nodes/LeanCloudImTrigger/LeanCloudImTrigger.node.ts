import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { searchChatRooms, searchConversations } from '../shared/conversations/listSearch';
import { toNodeApiError } from '../shared/errors/apiError';
import { ParameterError } from '../shared/params/parameterError';
import { parameterLabel } from '../shared/params/parameterLabel';
import { Params } from '../shared/params/params';
import { masterKeyReads } from '../shared/sending/reads';
import { QuotaWaitError } from '../shared/sending/retry';
import { settle } from '../shared/sending/settle';
import { LeanCloudFailure } from '../shared/transport/request';
import { startCursor, type Cursor } from './cursor';
import { triggerProperties } from './fields';
import type { KindCache } from './kinds';
import { conversationKey, latestConversations, pollConversations } from './newConversations';
import { latestMessages, messageSource, pollMessages } from './newMessages';

/** What the trigger keeps between polls (the workflow's static data for this node). */
interface TriggerState extends IDataObject {
	cursor?: Cursor & IDataObject;
	kinds?: KindCache;
}

/** The trigger's parameters, read lazily; bad values are ParameterErrors naming the field. */
function readParams(context: IPollFunctions): Params {
	return new Params((name) => context.getNodeParameter(name, undefined, { extractValue: name === 'conversationId' }));
}

/** A clear trigger error for whatever stopped the poll; the cursor is left where it was. */
function pollError(context: IPollFunctions, error: unknown): Error {
	if (error instanceof LeanCloudFailure) return toNodeApiError(context.getNode(), error);
	if (error instanceof ParameterError) {
		const label = parameterLabel(triggerProperties, error.parameter, (name) => context.getNodeParameter(name, undefined));
		return new NodeOperationError(context.getNode(), `"${label}" ${error.message}`, { description: error.hint ?? `Fix "${label}" and activate the workflow again.` });
	}
	if (error instanceof QuotaWaitError || error instanceof Error) return new NodeOperationError(context.getNode(), error);
	return new NodeOperationError(context.getNode(), String(error));
}

async function poll(context: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const p = readParams(context);
	const send = masterKeyReads(context);
	const state = context.getWorkflowStaticData('node') as TriggerState;
	const messages = p.string('event') !== 'newConversation';
	// A copy: the stored cache changes only with a successful poll.
	const kinds: KindCache = { ...(state.kinds ?? {}) };

	if (context.getMode() === 'manual') {
		const latest = messages ? await latestMessages(send, p, kinds) : await latestConversations(send, p);
		if (latest.length === 0) {
			throw new NodeOperationError(context.getNode(), messages ? 'No message matches the trigger\'s settings yet' : 'No conversation of the chosen types exists yet', {
				description: 'Send a message (or create a conversation) in the app, then fetch a test event again.',
			});
		}
		return [context.helpers.returnJsonArray(latest)];
	}

	const key = messages ? messageSource(p).key : conversationKey(p);
	let cursor = state.cursor;
	if (!cursor || cursor.key !== key) {
		// First poll after activation (or after the watched target changed): start now, or from Start From.
		const startFrom = p.collection('options').timestampMs('startFrom');
		cursor = startCursor(key, startFrom ?? Date.now()) as Cursor & IDataObject;
		if (startFrom === undefined) {
			state.cursor = cursor;
			return null;
		}
	}
	const { items, next } = messages ? await pollMessages(send, p, cursor, kinds) : await pollConversations(send, p, cursor);
	state.cursor = next as Cursor & IDataObject;
	state.kinds = kinds;
	return items.length ? [context.helpers.returnJsonArray(items)] : null;
}

export class LeanCloudImTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeanCloud IM Trigger',
		name: 'leanCloudImTrigger',
		icon: { light: 'file:../../icons/leancloud-im.svg', dark: 'file:../../icons/leancloud-im.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] === "newConversation" ? "New Conversation" : "New Message" }}',
		description: 'Starts the workflow when LeanCloud (TapTap TDS) IM gets a new message or conversation, checked every poll',
		defaults: { name: 'LeanCloud IM Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leanCloudImApi', required: true }],
		properties: triggerProperties,
	};

	methods = {
		listSearch: { searchChatRooms, searchConversations },
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const outcome = await settle(poll(this));
		if (!outcome.ok) throw pollError(this, outcome.error);
		return outcome.value;
	}
}
