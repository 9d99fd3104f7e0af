/**
 * LeanCloud's IM hooks as both nodes use them: the Hook Trigger's events and the action node's Hook Reply. The
 * forwarder (leanengine/hooks.js, deployed on its own, so it cannot import this) states the same table; a test
 * keeps the two equal. README: "Moderate before delivery".
 */
export type ReplyFieldType = 'boolean' | 'integer' | 'string' | 'stringArray' | 'object' | 'pushMessage';

export interface HookDef {
	/** LeanCloud's name for the hook, which the forwarder sends in X-LC-IM-Hook. */
	hook: string;
	/** The Event option's value and name. */
	value: string;
	name: string;
	description: string;
	/** Whether the IM server waits for the answer (the workflow decides), or is only telling (answered at once). */
	blocking: boolean;
	/** The fields the hook may answer with, and their types. */
	reply: Readonly<Record<string, ReplyFieldType>>;
}

const MESSAGE_REPLY = { drop: 'boolean', code: 'integer', detail: 'string', content: 'string', bin: 'boolean', toPeers: 'stringArray' } as const;
const CHANGE_REPLY = { reject: 'boolean', code: 'integer', detail: 'string' } as const;

export const HOOKS: readonly HookDef[] = [
	{
		hook: '_messageReceived',
		value: 'messageReceived',
		name: 'Message Received (Before Delivery)',
		description: 'A client sent a message; nobody has it yet. The workflow delivers, drops, rewrites or redirects it.',
		blocking: true,
		reply: MESSAGE_REPLY,
	},
	{
		hook: '_messageUpdate',
		value: 'messageUpdate',
		name: 'Message Being Edited or Recalled',
		description: 'A client is editing or recalling a message; the workflow allows, refuses or rewrites the change',
		blocking: true,
		reply: MESSAGE_REPLY,
	},
	{
		hook: '_receiversOffline',
		value: 'receiversOffline',
		name: 'Receivers Offline (Push)',
		description: 'A message was delivered and some receivers are offline; the workflow customises or skips their push notification',
		blocking: true,
		reply: { skip: 'boolean', offlinePeers: 'stringArray', pushMessage: 'pushMessage', force: 'boolean' },
	},
	{
		hook: '_conversationStart',
		value: 'conversationStart',
		name: 'Conversation Being Created',
		description: 'A client is creating a conversation; the workflow allows or refuses it',
		blocking: true,
		reply: CHANGE_REPLY,
	},
	{
		hook: '_conversationAdd',
		value: 'conversationAdd',
		name: 'Members Being Added',
		description: 'Members are joining or being invited (not those named at creation); the workflow allows or refuses it',
		blocking: true,
		reply: CHANGE_REPLY,
	},
	{
		hook: '_conversationRemove',
		value: 'conversationRemove',
		name: 'Members Being Removed',
		description: 'Members are being removed (not leaving by themselves); the workflow allows or refuses it',
		blocking: true,
		reply: CHANGE_REPLY,
	},
	{
		hook: '_conversationUpdate',
		value: 'conversationUpdate',
		name: 'Conversation Being Updated',
		description: "A client is renaming a conversation, changing its attributes or muting it; the workflow allows or refuses it",
		blocking: true,
		reply: { ...CHANGE_REPLY, attr: 'object', mute: 'boolean' },
	},
	{ hook: '_messageSent', value: 'messageSent', name: 'Message Sent', description: 'A message was delivered (answered at once)', blocking: false, reply: {} },
	{ hook: '_conversationStarted', value: 'conversationStarted', name: 'Conversation Created', description: 'A conversation was created (answered at once)', blocking: false, reply: {} },
	{ hook: '_conversationAdded', value: 'conversationAdded', name: 'Members Added', description: 'Members joined a conversation (answered at once)', blocking: false, reply: {} },
	{ hook: '_conversationRemoved', value: 'conversationRemoved', name: 'Members Removed', description: 'Members left or were removed (answered at once)', blocking: false, reply: {} },
	{ hook: '_clientOnline', value: 'clientOnline', name: 'Client Online', description: 'A client logged in (answered at once; may arrive after its Offline)', blocking: false, reply: {} },
	{ hook: '_clientOffline', value: 'clientOffline', name: 'Client Offline', description: 'A client logged out or was disconnected (answered at once)', blocking: false, reply: {} },
];

export function hookByValue(value: string): HookDef | undefined {
	return HOOKS.find((entry) => entry.value === value);
}
