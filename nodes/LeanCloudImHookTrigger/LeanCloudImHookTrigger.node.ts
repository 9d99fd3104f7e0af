import {
	NodeConnectionTypes,
	type ICredentialsDecrypted,
	type ICredentialTestFunctions,
	type IDataObject,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { hookByValue, type HookDef } from '../shared/hooks/catalogue';
import { hookItem } from './hookItem';
import { SERVICE_CALLBACK, hookTriggerProperties } from './fields';
import { nestedDeeperThan } from '../shared/params/jsonDepth';
import { ReplayGuard } from './replays';
import { SeenIds } from './seen';
import { MAX_CALLBACK_MESSAGES, callbackItems } from './serviceCallback';
import { REPLAY_WINDOW_MS, secretProblem, tokenMatches, verifyCall } from './verify';

/**
 * The calls accepted by this n8n process (about 330 a second for 5 minutes before it has to forget, and then refuse,
 * the oldest): none signed before the process started is accepted, so a restart opens no window for replays.
 */
const acceptedCalls = new ReplayGuard(REPLAY_WINDOW_MS, 100_000, performance.timeOrigin);
/** The deepest params a call may have (leanengine/forward.js MAX_DEPTH, the same): n8n copies items recursively. */
export const MAX_PARAMS_DEPTH = 1000;
/** Service-conversation message IDs reported, for an hour (LeanCloud retries a batch up to 3 times). */
const seenMessages = new SeenIds(60 * 60 * 1000, 100_000);

interface HookCredential {
	sharedSecret?: string;
	callbackToken?: string;
}

/**
 * Answers 200 `{}` now, and starts an execution with `items` if there are any: for calls whose answer LeanCloud
 * ignores, so neither the forwarder nor LeanCloud's callback waits for the workflow (nor retries on its 5 s timeout).
 */
function answeredAtOnce(context: IWebhookFunctions, items: IDataObject[] | undefined): IWebhookResponseData {
	context.getResponseObject().status(200).json({});
	return items ? { noWebhookResponse: true, workflowData: [context.helpers.returnJsonArray(items)] } : { noWebhookResponse: true };
}

/** Answers the call now, with no execution started. */
function refuse(context: IWebhookFunctions, status: number, error: string): IWebhookResponseData {
	context.getResponseObject().status(status).json({ code: status, error });
	return { noWebhookResponse: true };
}

/**
 * The answer to a call nested past MAX_PARAMS_DEPTH: the forwarder's own refusal for it (leanengine/replies.js
 * `unrepresentable`; a test holds the two equal), the message dropped or the change refused with code 422.
 */
export function unrepresentableReply(def: HookDef): IDataObject {
	const refusal = { code: 422, detail: 'This message cannot be checked by moderation, so it was not delivered.' };
	if ('drop' in def.reply) return { drop: true, ...refusal };
	if ('reject' in def.reply) return { reject: true, ...refusal };
	return 'skip' in def.reply ? { skip: true } : {};
}

/** What the credential lacks for this event's calls, if anything: the rules its Test states. */
function credentialProblem(event: string, credential: HookCredential): string | undefined {
	return event === SERVICE_CALLBACK ? secretProblem('Callback Token', credential.callbackToken, true) : secretProblem('Shared Secret', credential.sharedSecret, true);
}

export class LeanCloudImHookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'LeanCloud IM Hook Trigger',
		name: 'leanCloudImHookTrigger',
		icon: { light: 'file:../../icons/leancloud-im.svg', dark: 'file:../../icons/leancloud-im.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] }}',
		description: 'Starts the workflow when a LeanCloud (TapTap TDS) IM hook fires, before delivery: the workflow can drop, rewrite or refuse',
		defaults: { name: 'LeanCloud IM Hook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'leanCloudImHookApi', required: true, testedBy: 'checkSecrets' }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// Blocking hooks answer with the workflow's last node (the Hook Reply); the others are answered at once
				// by webhook() itself.
				responseMode: 'lastNode',
				responseData: 'firstEntryJson',
				path: 'leancloud-im',
			},
		],
		properties: hookTriggerProperties,
	};

	methods = {
		credentialTest: {
			// Nothing to call: the credential is only checked against what the forwarder will accept.
			async checkSecrets(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				const data = (credential.data ?? {}) as HookCredential;
				const problem = secretProblem('Shared Secret', data.sharedSecret, true) ?? secretProblem('Callback Token', data.callbackToken, false);
				return problem ? { status: 'Error', message: problem } : { status: 'OK', message: 'The secrets are long enough' };
			},
		},
	};

	// Nothing to register with LeanCloud: the forwarder (LeanEngine) or the console's callback URL is set up by hand
	// with this node's Production URL, as the README says.
	webhookMethods = {
		default: {
			checkExists: async (): Promise<boolean> => true,
			create: async (): Promise<boolean> => true,
			delete: async (): Promise<boolean> => true,
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const event = this.getNodeParameter('event') as string;
		const credential = (await this.getCredentials('leanCloudImHookApi')) as HookCredential;
		const now = Date.now();
		// A guessable secret or token would let anyone start executions: no call counts until the credential is fixed.
		const unusable = credentialProblem(event, credential);
		if (unusable) {
			this.logger.warn(`LeanCloud IM Hook Trigger "${this.getNode().name}" refuses every call: in its credential, ${unusable}. Fix the LeanCloud IM Hook API credential (its Test says what it needs).`);
			return refuse(this, 401, 'Refused: the trigger\'s credential does not meet its rules (n8n\'s log says which)');
		}

		if (event === SERVICE_CALLBACK) {
			if (!tokenMatches((this.getQueryData() as IDataObject).token, credential.callbackToken ?? '')) {
				return refuse(this, 401, 'The ?token= of this URL is not the Callback Token of the credential');
			}
			const body = this.getBodyData() as unknown;
			if (Array.isArray(body) && body.length > MAX_CALLBACK_MESSAGES) return refuse(this, 413, `More than ${MAX_CALLBACK_MESSAGES} messages in one callback`);
			const scope = `${this.getWorkflow().id ?? ''}|${this.getNode().name}`;
			return answeredAtOnce(this, callbackItems(body, seenMessages, scope, now, this.getNodeParameter('callbackOutput', 'message') === 'batch'));
		}

		const def = hookByValue(event);
		const request = this.getRequestObject();
		const verdict = verifyCall(request.headers, request.rawBody, credential.sharedSecret ?? '', now, acceptedCalls);
		if (!verdict.ok) return refuse(this, 401, verdict.reason);
		if (!def || verdict.hook !== def.hook) {
			return refuse(this, 409, `This trigger listens for ${def?.hook ?? event}; the forwarder sent ${verdict.hook}. Give that hook its own trigger's URL in N8N_HOOK_EVENTS.`);
		}
		const params = this.getBodyData();
		// The forwarder refuses such calls itself; one that arrives anyway is refused here, never failed open.
		if (nestedDeeperThan(params, MAX_PARAMS_DEPTH)) {
			this.logger.warn(`LeanCloud IM Hook Trigger "${this.getNode().name}": a ${def.hook} call nested deeper than ${MAX_PARAMS_DEPTH} levels was refused without an execution`);
			this.getResponseObject().status(200).json({ decision: 'refused', hookReply: unrepresentableReply(def) });
			return { noWebhookResponse: true };
		}
		const item = hookItem(def, typeof params === 'object' && params !== null && !Array.isArray(params) ? params : {}, verdict);
		// Blocking hooks: n8n answers with the workflow's last node. Notifications: LeanCloud ignores the answer.
		return def.blocking ? { workflowData: [this.helpers.returnJsonArray([item])] } : answeredAtOnce(this, [item]);
	}
}
