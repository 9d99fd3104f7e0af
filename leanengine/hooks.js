'use strict';
// The IM hooks the forwarder can pass to n8n, and what each may answer (LeanCloud's "IM hooks" table; see
// ../shared/leancloud-im-hooks.md §1 in the project's notes). Blocking hooks hold the IM server's operation
// until they answer; notification hooks are told after the fact and their answer is ignored.
// The n8n package states the same table in nodes/shared/hooks/catalogue.ts; a test keeps the two equal.

/** @typedef {'boolean' | 'integer' | 'string' | 'stringArray' | 'object' | 'pushMessage'} FieldType */

/** @type {Record<string, FieldType>} */
const MESSAGE_REPLY = { drop: 'boolean', code: 'integer', detail: 'string', content: 'string', bin: 'boolean', toPeers: 'stringArray' };
/** @type {Record<string, FieldType>} */
const CHANGE_REPLY = { reject: 'boolean', code: 'integer', detail: 'string' };

/** @type {Record<string, { blocking: boolean, reply: Record<string, FieldType> }>} */
const HOOKS = {
	_messageReceived: { blocking: true, reply: MESSAGE_REPLY },
	_messageUpdate: { blocking: true, reply: MESSAGE_REPLY },
	_receiversOffline: { blocking: true, reply: { skip: 'boolean', offlinePeers: 'stringArray', pushMessage: 'pushMessage', force: 'boolean' } },
	_conversationStart: { blocking: true, reply: CHANGE_REPLY },
	_conversationAdd: { blocking: true, reply: CHANGE_REPLY },
	_conversationRemove: { blocking: true, reply: CHANGE_REPLY },
	_conversationUpdate: { blocking: true, reply: { ...CHANGE_REPLY, attr: 'object', mute: 'boolean' } },
	_messageSent: { blocking: false, reply: {} },
	_conversationStarted: { blocking: false, reply: {} },
	_conversationAdded: { blocking: false, reply: {} },
	_conversationRemoved: { blocking: false, reply: {} },
	_clientOnline: { blocking: false, reply: {} },
	_clientOffline: { blocking: false, reply: {} },
};

/**
 * Hooks that must never leave LeanEngine: `_rtmClientSign` gets the user's `_User` row with its session token, which
 * would let whoever reads n8n's execution data act as that user.
 */
const NEVER_FORWARDED = ['_rtmClientSign'];

module.exports = { HOOKS, NEVER_FORWARDED };
