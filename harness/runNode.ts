/**
 * Runs our nodes inside n8n's real execution engine without the n8n app: the action node in n8n-core's
 * WorkflowExecute (a source node emitting the given items, connected to it), the trigger's polls through
 * PollContext, the pickers through LoadOptionsContext. Parameters, expressions, defaults, credentials and
 * Continue On Fail go through the same code paths as in the app. The tests (test/) and the benchmark (bench/)
 * both use it; it imports neither. n8n's own harness is internal to its monorepo, so this is ours.
 */
import { ExecutionLifecycleHooks, LoadOptionsContext, PollContext, TriggersAndPollers, WebhookContext, WorkflowExecute } from 'n8n-core';
import {
	ICredentialsHelper,
	NodeConnectionTypes,
	NodeHelpers,
	Workflow,
	type ICredentialDataDecryptedObject,
	type IConnections,
	type ICredentials,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeProperties,
	type INodeType,
	type INodeTypeDescription,
	type INodeTypes,
	type IRun,
	type IVersionedNodeType,
	type IWorkflowBase,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowExecuteAdditionalData,
	type Workflow as WorkflowType,
} from 'n8n-workflow';

import { LeanCloudImApi } from '../credentials/LeanCloudImApi.credentials';
import { LeanCloudIm } from '../nodes/LeanCloudIm/LeanCloudIm.node';
import { LeanCloudImTrigger } from '../nodes/LeanCloudImTrigger/LeanCloudImTrigger.node';
import { LeanCloudImHookTrigger } from '../nodes/LeanCloudImHookTrigger/LeanCloudImHookTrigger.node';

export const API_SERVER = 'https://im-api.test.example';
export const APP_ID = 'TestAppId0001';
// Fake keys, made up for the tests; their values are searched for in outputs and errors to prove no leak.
export const TEST_APP_KEY = 'app-key-for-tests';
export const TEST_MASTER_KEY = 'master-key-for-tests';

export const defaultCredentials: ICredentialDataDecryptedObject = {
	appId: APP_ID,
	clientToken: TEST_APP_KEY,
	serverSecret: TEST_MASTER_KEY,
	apiServer: API_SERVER,
	signRequests: true,
};

/** Emits the items given in its `items` parameter: the test's input data. */
class TestItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Items',
		name: 'testItems',
		group: ['input'],
		version: 1,
		description: 'Emits fixed items',
		defaults: { name: 'Test Items' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]', description: 'Items to emit' }],
	};

	/**
	 * An item's `$binary` key becomes its binary data (base64, file name, MIME type per property): as n8n keeps it in
	 * memory, or (`stored: true`) through n8n's binary data service, which keeps it on disk in filesystem mode.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		const output: INodeExecutionData[] = [];
		for (const [index, { $binary, ...json }] of items.entries()) {
			const item: INodeExecutionData = { json, pairedItem: { item: index } };
			if ($binary) {
				item.binary = {};
				for (const [property, entry] of Object.entries($binary as Record<string, { base64: string; fileName?: string; mimeType: string; stored?: boolean }>)) {
					const { base64, fileName, mimeType, stored } = entry;
					item.binary[property] = stored
						? await this.helpers.prepareBinaryData(Buffer.from(base64, 'base64'), fileName, mimeType)
						: { data: base64, mimeType, fileName, fileExtension: fileName?.split('.').pop(), fileSize: `${Buffer.from(base64, 'base64').length} B` };
				}
			}
			output.push(item);
		}
		return [output];
	}
}

const nodeClasses: Record<string, INodeType> = {
	'n8n-nodes-leancloud-im.leanCloudIm': new LeanCloudIm(),
	'n8n-nodes-leancloud-im.leanCloudImTrigger': new LeanCloudImTrigger(),
	'n8n-nodes-leancloud-im.leanCloudImHookTrigger': new LeanCloudImHookTrigger(),
	'test.testItems': new TestItems(),
};

const nodeTypes: INodeTypes = {
	getByName: (type) => nodeClasses[type] as INodeType | IVersionedNodeType,
	getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(nodeClasses[type], version),
	getKnownTypes: () => ({}),
};

const credentialType = new LeanCloudImApi();

/** Applies our credential's authenticate() as the n8n app's CredentialsHelper does (n8n-core leaves it to the app). */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(credentials: ICredentialDataDecryptedObject, _type: string, requestOptions: IHttpRequestOptions) {
		return await credentialType.authenticate(credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by the engine in these tests');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(): INodeProperties[] {
		return credentialType.properties;
	}
}

export interface RunOptions {
	/** Parameters of the LeanCloud IM node (resource, operation, fields; expressions allowed). */
	parameters: INodeParameters;
	/** Input items; one empty item by default. */
	items?: IDataObject[];
	/** Credential data; the test credential by default. */
	credentials?: ICredentialDataDecryptedObject;
	continueOnFail?: boolean;
	/** n8n's "On Error" setting, when a test needs the error output ("continueErrorOutput"). */
	onError?: 'continueRegularOutput' | 'continueErrorOutput';
}

export interface RunResult {
	/** Output items of the LeanCloud IM node (json and pairedItem). */
	output: INodeExecutionData[];
	/** The error the node failed with, if it failed. */
	error?: Error & { description?: string | null; httpCode?: string | null; context?: IDataObject; errorResponse?: IDataObject };
	/** The whole run, absent when the engine refused the workflow before running it. */
	run?: IRun;
}

const NODE_NAME = 'LeanCloud IM';

function additionalData(workflowData: IWorkflowBase, credentials: ICredentialDataDecryptedObject): IWorkflowExecuteAdditionalData {
	const base = 'http://localhost:5678';
	return {
		credentialsHelper: new TestCredentialsHelper(credentials),
		hooks: new ExecutionLifecycleHooks('manual', 'test-execution', workflowData),
		executeWorkflow: async () => {
			throw new Error('not supported in tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: `${base}/rest`,
		instanceBaseUrl: base,
		formBaseUrl: `${base}/form`,
		formWaitingBaseUrl: `${base}/form-waiting`,
		formTestBaseUrl: `${base}/form-test`,
		webhookBaseUrl: `${base}/webhook`,
		webhookWaitingBaseUrl: `${base}/webhook-waiting`,
		webhookTestBaseUrl: `${base}/webhook-test`,
		mcpBaseUrl: `${base}/mcp`,
		mcpTestBaseUrl: `${base}/mcp-test`,
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not supported in tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** A workflow node of `type` using the test credential (the one TestCredentialsHelper decrypts). */
export function credentialedNode(id: string, name: string, type: string, parameters: INodeParameters, position: [number, number] = [0, 0]): INode {
	return { id, name, type, typeVersion: 1, position, parameters, credentials: { leanCloudImApi: { id: 'cred-1', name: 'LeanCloud IM account' } } };
}

export function buildWorkflow(options: RunOptions): { workflow: WorkflowType; workflowData: IWorkflowBase; source: INode } {
	const source: INode = {
		id: 'source',
		name: 'Test Items',
		type: 'test.testItems',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(options.items ?? [{}]) },
	};
	const node: INode = {
		...credentialedNode('leancloud', NODE_NAME, 'n8n-nodes-leancloud-im.leanCloudIm', options.parameters, [200, 0]),
		...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		...(options.onError ? { onError: options.onError } : {}),
	};
	const connections = { [source.name]: { main: [[{ node: NODE_NAME, type: NodeConnectionTypes.Main, index: 0 }]] } };
	const workflowData: IWorkflowBase = {
		id: 'test-workflow',
		name: 'LeanCloud IM test',
		active: false,
		isArchived: false,
		nodes: [source, node],
		connections,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({ id: 'test-workflow', nodes: [source, node], connections, active: false, nodeTypes });
	return { workflow, workflowData, source };
}

/** A workflow of registered node types, and its stored form (what the execution's hooks and contexts are given). */
function workflowOf({ id, name, nodes, connections = {}, active, staticData }: { id: string; name: string; nodes: INode[]; connections?: IConnections; active: boolean; staticData?: IDataObject }) {
	const workflowData = { id, name, nodes, connections, settings: {} } as unknown as IWorkflowBase;
	const workflow = new Workflow({ id, nodes, connections, active, nodeTypes, staticData });
	return { workflow, workflowData };
}

/** Starts a run without waiting for it: the cancellable promise n8n uses (its `cancel()` is n8n's stop button). */
export function startRun(options: RunOptions) {
	const { workflow, workflowData, source } = buildWorkflow(options);
	const execute = new WorkflowExecute(additionalData(workflowData, options.credentials ?? defaultCredentials), 'manual');
	return execute.run({ workflow, startNode: source });
}

/** Adds a node type to the harness (e.g. a stand-in AI agent, or our node's tool variant). */
export function registerNodeType(type: string, nodeType: INodeType): void {
	nodeClasses[type] = nodeType;
}

/** Runs any workflow of registered node types from `startNode`, with the test credential (or the one given). */
export async function runWorkflow(nodes: INode[], connections: IConnections, startNode: string, credentials = defaultCredentials): Promise<IRun> {
	const { workflow, workflowData } = workflowOf({ id: 'test-workflow', name: 'LeanCloud IM test', nodes, connections, active: false });
	const execute = new WorkflowExecute(additionalData(workflowData, credentials), 'manual');
	return await execute.run({ workflow, startNode: workflow.getNode(startNode) as INode });
}

/** Runs the node on the given items and parameters and returns its output items or its error. */
export async function runNode(options: RunOptions): Promise<RunResult> {
	let run: IRun;
	try {
		run = await startRun(options);
	} catch (error) {
		// The engine refuses some workflows before running any node (e.g. a required parameter left empty).
		return { output: [], error: error as RunResult['error'], run: undefined };
	}
	const taskData = run.data.resultData.runData[NODE_NAME]?.[0];
	return {
		output: taskData?.data?.main?.[0] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
		run,
	};
}

/** The context n8n gives a node's list search (the "From List" picker), over the same workflow and credential. */
export function listSearchContext(parameters: INodeParameters, credentials = defaultCredentials): LoadOptionsContext {
	const { workflow, workflowData } = buildWorkflow({ parameters });
	const node = workflow.getNode(NODE_NAME) as INode;
	return new LoadOptionsContext(workflow, node, additionalData(workflowData, credentials), 'parameters.conversationId');
}

export interface PollOptions {
	parameters: INodeParameters;
	/** The workflow's static data, kept by the caller between polls as n8n keeps it for an active workflow. */
	staticData: IDataObject;
	/** "trigger" for an active workflow's poll, "manual" for the editor's Fetch Test Event. */
	mode?: 'trigger' | 'manual';
	credentials?: ICredentialDataDecryptedObject;
}

/**
 * One poll of the LeanCloud IM Trigger through n8n-core's PollContext and TriggersAndPollers, as an active
 * workflow polls: the node's static data lives in `staticData` between calls.
 */
export async function runPoll({ parameters, staticData, mode = 'trigger', credentials = defaultCredentials }: PollOptions): Promise<INodeExecutionData[][] | null> {
	const node = credentialedNode('trigger', 'LeanCloud IM Trigger', 'n8n-nodes-leancloud-im.leanCloudImTrigger', parameters);
	const { workflow, workflowData } = workflowOf({ id: 'test-workflow', name: 'LeanCloud IM trigger test', nodes: [node], active: true, staticData });
	const context = new PollContext(workflow, node, additionalData(workflowData, credentials), mode, 'activate');
	const result = await new TriggersAndPollers().runPollFunction(workflow, node, context);
	// n8n saves the workflow's static data after a poll; the test keeps the same object for the next one.
	Object.assign(staticData, workflow.staticData);
	return result;
}

export interface WebhookCall {
	parameters: INodeParameters;
	/** The hook credential's data (Shared Secret, Callback Token). */
	credentials: ICredentialDataDecryptedObject;
	headers: Record<string, string>;
	/** The raw body as it arrived (n8n keeps it as `rawBody`); parsed as JSON for `body`. */
	rawBody: string;
	query?: IDataObject;
	workflowId?: string;
}

export interface WebhookAnswer {
	/** What webhook() returned: workflowData starts an execution. */
	result: IWebhookResponseData;
	/** What the node wrote to the response itself (status and JSON), if it did. */
	response?: { status: number; body: unknown };
}

/**
 * One call of the LeanCloud IM Hook Trigger's webhook through n8n-core's WebhookContext, as the n8n app makes it
 * (parameters, credential, request and response objects). Whether the app then starts an execution follows from
 * `result.workflowData`; the app's own answer for `lastNode` mode is the e2e suite's to check.
 */
export async function runWebhook(call: WebhookCall): Promise<WebhookAnswer> {
	const node: INode = {
		id: 'hook',
		name: 'LeanCloud IM Hook Trigger',
		type: 'n8n-nodes-leancloud-im.leanCloudImHookTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: call.parameters,
		credentials: { leanCloudImHookApi: { id: 'cred-2', name: 'LeanCloud IM Hook account' } },
		webhookId: 'hook-webhook-id',
	};
	const workflowId = call.workflowId ?? 'test-workflow';
	const { workflow, workflowData } = workflowOf({ id: workflowId, name: 'LeanCloud IM hook test', nodes: [node], active: true });
	let response: WebhookAnswer['response'];
	let status = 200;
	const res = {
		status(code: number) {
			status = code;
			return res;
		},
		json(body: unknown) {
			response = { status, body };
			return res;
		},
	};
	let body: unknown;
	try {
		body = JSON.parse(call.rawBody);
	} catch {
		body = {};
	}
	const req = { method: 'POST', headers: call.headers, body, rawBody: Buffer.from(call.rawBody), query: call.query ?? {}, params: {} };
	const data = { ...additionalData(workflowData, call.credentials), httpRequest: req, httpResponse: res } as unknown as IWorkflowExecuteAdditionalData;
	const webhookData = { httpMethod: 'POST', node: node.name, path: 'leancloud-im', webhookDescription: { name: 'default' }, workflowId } as unknown as IWebhookData;
	const context = new WebhookContext(workflow, node, data, 'webhook', webhookData, [], null);
	const result = await (nodeClasses[node.type].webhook as NonNullable<INodeType['webhook']>).call(context);
	return { result, response };
}
