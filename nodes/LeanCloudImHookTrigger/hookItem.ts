import type { IDataObject } from 'n8n-workflow';

import type { HookDef } from '../shared/hooks/catalogue';
import { contentFields } from './contentFields';

/** LeanCloud's param names, and the names the polling trigger and the action node use for the same values. */
const SIMPLE_NAMES: Readonly<Record<string, string>> = {
	convId: 'conversationId',
	fromPeer: 'fromClient',
	toPeers: 'toClients',
	msgId: 'messageId',
	peerId: 'clientId',
	initBy: 'initiatedBy',
	offlinePeers: 'offlineClients',
	onlinePeers: 'onlineClients',
	mentionOfflinePeers: 'mentionedOfflineClients',
};

/**
 * One hook call as an item: the hook's params as LeanCloud sends them, the same values under the polling trigger's
 * names (`conversationId`, `fromClient`, `text`, `contentType`…, so the same expressions work), and `hookCall`: which
 * hook, and what happens if the workflow gives no decision (said in the execution, where the user looks).
 */
export function hookItem(def: HookDef, params: IDataObject, call: { requestId: string; onFailure: string }): IDataObject {
	const simple: IDataObject = {};
	for (const [name, simpleName] of Object.entries(SIMPLE_NAMES)) if (params[name] !== undefined) simple[simpleName] = params[name];
	Object.assign(simple, contentFields(params.content, params.bin));
	const ifNoDecision = !def.blocking
		? undefined
		: call.onFailure === 'refuse'
			? 'Refused: the forwarder is fail-closed. End the workflow with the LeanCloud IM node\'s Hook Reply to decide.'
			: 'Delivered unchanged: the forwarder is fail-open. End the workflow with the LeanCloud IM node\'s Hook Reply to decide.';
	return {
		...params,
		...simple,
		hookCall: { event: def.value, hook: def.hook, requestId: call.requestId, waitsForDecision: def.blocking, ...(ifNoDecision ? { ifNoDecision } : {}) },
	};
}
