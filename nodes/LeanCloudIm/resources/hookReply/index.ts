import type { ResourceDef } from '../../engine/operation';
import { changeRecipients } from './changeRecipients';
import { customisePush } from './customisePush';
import { deliver } from './deliver';
import { drop } from './drop';
import { refuse } from './refuse';
import { rewrite } from './rewrite';

/**
 * The answer to a LeanCloud IM Hook Trigger's blocking event, built without JSON: the workflow's last node, which n8n
 * sends back to the forwarder. Sends no request and needs no credential.
 */
export const hookReply: ResourceDef = {
	value: 'hookReply',
	name: 'Hook Reply',
	description: "The decision for a LeanCloud IM Hook Trigger's event: deliver, drop, rewrite, change recipients, refuse a change, customise the push",
	operations: [changeRecipients, customisePush, deliver, drop, refuse, rewrite],
};
