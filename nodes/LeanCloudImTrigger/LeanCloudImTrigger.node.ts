import {
	NodeConnectionTypes,
	NodeOperationError,
	type IDataObject,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
} from 'n8n-workflow';

import { parameterLabel } from '../shared/params/parameterLabel';
import { readNodeParams } from '../shared/params/nodeParams';
import type { Params } from '../shared/params/params';
import { searchChatRooms, searchConversations } from '../shared/pickers/listSearch';
import { toNodeError } from '../shared/reporting/nodeError';
import { READ_POLICY } from '../shared/sending/retry';
import { openSender } from '../shared/sending/sender';
import { settle } from '../shared/errors/settle';
import type { KindCache } from './conversationKindCache';
import { startCursor, type Cursor } from './cursor';
import { maxPerPoll, pollTimeoutMs, triggerProperties } from './fields';
import { conversationKey, latestConversations, pollConversations } from './newConversations';
import { latestMessages, messageSource, pollMessages } from './newMessages';
import { withFiles } from './files';

/** What the trigger keeps between polls (the workflow's static data for this node). */
interface TriggerState extends IDataObject {
	cursor?: Cursor & IDataObject;
	kinds?: KindCache;
}

/** The trigger's parameters, read lazily with the same reader as the action node's. */
function readParams(context: IPollFunctions): Params {
	return readNodeParams(triggerProperties, (name, fallback, options) => context.getNodeParameter(name, fallback, options));
}

/** A clear trigger error for whatever stopped the poll (the same mapping as the action node's items); the cursor stays. */
function pollError(context: IPollFunctions, error: unknown): Error {
	return toNodeError(context.getNode(), error, {
		labelOf: (parameter) => parameterLabel(triggerProperties, parameter, (name) => context.getNodeParameter(name, undefined)),
		then: 'activate the workflow again',
	});
}

/**
 * The polls running now, by workflow and node: n8n starts a poll at each poll time whether or not the last one ended,
 * and two polls reading from one cursor would report the same messages twice. Module state, like the shared pacers.
 */
const running = new Set<string>();

async function poll(context: IPollFunctions, p: Params, deadline: AbortSignal, timeoutMs: number, startedAt: number): Promise<INodeExecutionData[][] | null> {
	// The deadline ends waits at once and aborts requests on the wire.
	const sender = await openSender(context, { need: 'master', user: 'the LeanCloud IM Trigger', policy: READ_POLICY, stop: deadline, cancel: deadline });
	const send = sender.send;
	const files = async (items: IDataObject[]) => await withFiles(context, p, items, sender, deadline, { timeoutMs, elapsedMs: Date.now() - startedAt });
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
		return [messages ? await files(latest) : context.helpers.returnJsonArray(latest)];
	}

	const key = messages ? messageSource(p).key : conversationKey(p);
	const now = Date.now();
	let cursor = state.cursor;
	// A cursor whose position is not a time (left by a broken server before this was guarded) starts afresh.
	if (!cursor || cursor.key !== key || typeof cursor.position !== 'number' || !Number.isFinite(cursor.position)) {
		// First poll after activation (or after the watched target changed): start now, or from Start From.
		const startFrom = p.collection('options').timestampMs('startFrom');
		cursor = startCursor(key, startFrom ?? now) as Cursor & IDataObject;
		if (startFrom === undefined) {
			state.cursor = cursor;
			return null;
		}
	}
	const { items, next, skipped, behindMs, newestFirst } = messages ? await pollMessages(send, p, cursor, kinds, now) : await pollConversations(send, p, cursor, now);
	const name = `LeanCloud IM Trigger "${context.getNode().name}"`;
	if (skipped > 0) {
		context.logger.warn(`${name}: ${skipped} record(s) skipped in this poll (not an object, or no usable ID or time: a server answer LeanCloud does not give)`);
	}
	if (newestFirst) {
		context.logger.warn(`${name}: the history route answered newest first although asked for oldest first, so this poll read it from the newest message back`);
	}
	if (behindMs !== undefined) {
		context.logger.warn(
			`${name} is falling behind: this poll read its maximum (Options > Max Items per Poll, ${maxPerPoll(p).toLocaleString('en-US')}) and the last record it read is ${Math.round(behindMs / 1000)} s old. The next poll goes on from there; if this repeats, raise Max Items per Poll or poll more often.`,
		);
	}
	// Files are fetched before the cursor moves, within a budget no file can stretch (files.ts); only a poll that ends
	// on its own deadline meanwhile reports these again.
	const output = items.length ? (messages ? await files(items) : context.helpers.returnJsonArray(items)) : [];
	state.cursor = next as Cursor & IDataObject;
	state.kinds = kinds;
	return output.length ? [output] : null;
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
		const key = `${this.getWorkflow().id ?? ''}|${this.getNode().name}`;
		const manual = this.getMode() === 'manual';
		if (!manual && running.has(key)) {
			this.logger.warn(`LeanCloud IM Trigger "${this.getNode().name}": the previous poll is still running, so this one is skipped (see Options > Poll Timeout)`);
			return null;
		}
		// Read once: the same parameters bound the poll and drive it.
		const p = readParams(this);
		let timeoutMs: number;
		try {
			timeoutMs = pollTimeoutMs(p);
		} catch (error) {
			throw pollError(this, error);
		}
		const deadline = AbortSignal.timeout(timeoutMs);
		if (!manual) running.add(key);
		const outcome = await settle(poll(this, p, deadline, timeoutMs, Date.now()));
		if (!manual) running.delete(key);
		if (outcome.ok) return outcome.value;
		if (deadline.aborted) {
			throw new NodeOperationError(this.getNode(), `The poll did not finish within Options > Poll Timeout (${timeoutMs / 1000} s)`, {
				description: 'LeanCloud answered too slowly, or not at all. The cursor did not move: the next poll reads the same messages. Check API Server in the credential, or raise Poll Timeout (keep it below the poll interval).',
			});
		}
		throw pollError(this, outcome.error);
	}
}
