/**
 * The node as an AI agent's tool, run by n8n's engine the way the app runs it: the agent gets the tool through
 * getInputConnectionData (n8n-core's createNodeAsTool), the tool's schema comes from the $fromAI() placeholders,
 * and invoking it runs our execute() with the agent's arguments. n8n's app derives the tool variant of a
 * `usableAsTool` node (outputs: ai_tool, plus a tool description); the harness does the same here.
 */
import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { LeanCloudIm } from '../../nodes/LeanCloudIm/LeanCloudIm.node';
import { api, expectAllRequestsMade, oid, resetNock } from '../harness/leancloud';
import { registerNodeType, runWorkflow } from '../../harness/runNode';

interface Tool {
	name: string;
	description: string;
	schema: { shape: Record<string, { description?: string }> };
	invoke(args: object): Promise<string>;
}

/** A stand-in agent: takes its connected tools, calls the first with the arguments from its input item, outputs the answer. */
class TestAgent implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Agent',
		name: 'testAgent',
		group: ['transform'],
		version: 1,
		description: 'Calls its tool like an AI agent',
		defaults: { name: 'Test Agent' },
		inputs: [NodeConnectionTypes.Main, NodeConnectionTypes.AiTool],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const tools = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as Tool[];
		const [tool] = tools;
		const args = this.getInputData()[0].json;
		let answer: string;
		try {
			answer = await tool.invoke(args);
		} catch (error) {
			answer = `error: ${(error as Error).message}`;
		}
		const fields = Object.fromEntries(Object.entries(tool.schema.shape).map(([key, field]) => [key, field.description ?? '']));
		return [[{ json: { name: tool.name, description: tool.description, fields, answer }, pairedItem: { item: 0 } }]];
	}
}

/** What n8n's loader makes of a usableAsTool node: the same node with an ai_tool output and a tool description. */
function asTool(node: LeanCloudIm): INodeType {
	const tool = Object.create(node) as INodeType;
	tool.description = {
		...node.description,
		name: 'leanCloudImTool',
		displayName: 'LeanCloud IM Tool',
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
		properties: [
			{ displayName: 'Description', name: 'toolDescription', type: 'string', default: '', description: 'What the tool does' },
			...node.description.properties,
		],
	};
	return tool;
}

registerNodeType('test.testAgent', new TestAgent());
registerNodeType('n8n-nodes-leancloud-im.leanCloudImTool', asTool(new LeanCloudIm()));

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

const ROOM = oid('room');

function agentWorkflow(toolParameters: object, args: object): { nodes: INode[]; connections: object } {
	const trigger: INode = {
		id: 'items',
		name: 'Chat Message',
		type: 'test.testItems',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify([args]) },
	};
	const agent: INode = { id: 'agent', name: 'Test Agent', type: 'test.testAgent', typeVersion: 1, position: [200, 0], parameters: {} };
	const tool: INode = {
		id: 'tool',
		name: 'Mute Chat Room Member',
		type: 'n8n-nodes-leancloud-im.leanCloudImTool',
		typeVersion: 1,
		position: [200, 200],
		parameters: { toolDescription: 'Mutes a member of a chat room for a number of seconds', ...toolParameters },
		credentials: { leanCloudImApi: { id: 'cred-1', name: 'LeanCloud IM account' } },
	};
	const connections = {
		[trigger.name]: { main: [[{ node: agent.name, type: NodeConnectionTypes.Main, index: 0 }]] },
		[tool.name]: { ai_tool: [[{ node: agent.name, type: NodeConnectionTypes.AiTool, index: 0 }]] },
	};
	return { nodes: [trigger, agent, tool], connections };
}

const muteTool = {
	resource: 'mute',
	operation: 'add',
	conversationType: 'chatRoom',
	conversationId: { __rl: true, mode: 'id', value: "={{ $fromAI('chatRoomId', 'ID of the chat room, 24 hexadecimal characters', 'string') }}" },
	clientId: "={{ $fromAI('clientId', 'Client ID of the member to mute', 'string') }}",
	ttl: "={{ $fromAI('seconds', 'How long to mute, in seconds (at most 86400)', 'number') }}",
};

test('an agent calls the node as a tool: the schema comes from $fromAI, the request is exact, the answer is the output', async () => {
	api().post(`/1.2/rtm/chatrooms/${ROOM}/temporary-silenceds`, { client_id: 'troll', ttl: 600 }).reply(200, {});
	const { nodes, connections } = agentWorkflow(muteTool, { chatRoomId: ROOM, clientId: 'troll', seconds: 600 });
	const run = await runWorkflow(nodes, connections as never, 'Chat Message');
	const result = run.data.resultData.runData['Test Agent'][0];
	expect(result.error).toBeUndefined();
	const json = result.data?.main[0]?.[0].json;
	expect(json?.name).toBe('Mute_Chat_Room_Member');
	expect(json?.description).toBe('Mutes a member of a chat room for a number of seconds');
	expect(json?.fields).toEqual({
		chatRoomId: 'ID of the chat room, 24 hexadecimal characters',
		clientId: 'Client ID of the member to mute',
		seconds: 'How long to mute, in seconds (at most 86400)',
	});
	expect(JSON.parse(json?.answer as string)).toEqual([{ conversationId: ROOM, clientId: 'troll', muted: true, muteType: 'temporary', ttl: 600 }]);
});

test('bad arguments from the agent come back as a clear error naming the parameter, with nothing sent', async () => {
	const { nodes, connections } = agentWorkflow(muteTool, { chatRoomId: 'the lobby', clientId: 'troll', seconds: 600 });
	const run = await runWorkflow(nodes, connections as never, 'Chat Message');
	const json = run.data.resultData.runData['Test Agent'][0].data?.main[0]?.[0].json;
	expect(json?.answer).toMatch(/^error: "Chat Room" "the lobby" is not a LeanCloud ID \[item 0\]/);
});
