'use strict';
// What an IM client SDK does over its WebSocket, as sandbox-only REST endpoints (the sandbox has no WebSocket side):
// send, edit and recall messages, create conversations, add and remove members, update a conversation, go online
// and offline. Each goes through the IM hooks as LeanCloud's IM server runs them (sandbox/hooks.cjs): a dropped
// message is not stored and its sender gets 4402; a rewrite is stored rewritten; a refused change gets 4305.
// Messages sent through the REST API (/1.2/rtm/...) call no hook here: whether LeanCloud's do is undocumented.
//
//   POST   /sandbox/clients/:client/messages                 { conversationId, message, transient? }
//   PUT    /sandbox/clients/:client/messages/:msgId          { conversationId, message } or { conversationId, recall: true }
//   POST   /sandbox/clients/:client/conversations            { name, members, attr? }
//   PUT    /sandbox/clients/:client/conversations/:id        { attr } or { mute: true|false }
//   POST   /sandbox/clients/:client/conversations/:id/members { members }
//   DELETE /sandbox/clients/:client/conversations/:id/members { members }
//   POST   /sandbox/clients/:client/online | /offline
const { fail } = require('./failures.cjs');

const SOURCE_IP = '127.0.0.1';

/**
 * @param {unknown} value
 * @param {string} name
 * @returns {string[]}
 */
function clientList(value, name) {
	if (!Array.isArray(value) || value.length === 0 || !value.every((entry) => typeof entry === 'string' && entry !== '')) fail(400, 1, `${name} must be a non-empty list of client IDs`);
	return /** @type {string[]} */ (value);
}

/** @param {{ code?: unknown, detail?: unknown }} reply */
const reason = (reply) => [typeof reply.detail === 'string' ? reply.detail : '', Number.isInteger(reply.code) ? `(app code ${reply.code})` : ''].filter(Boolean).join(' ');

/**
 * @param {{ store: import('./store.cjs').Store, hooks: import('./hooks.cjs').Hooks }} context
 */
function clientSdk({ store, hooks }) {
	/** @param {string} id */
	const conversationOf = (id) => store.conversations.get(id) ?? fail(404, 4401, 'CONVERSATION_NOT_FOUND');
	/** @param {string | undefined} failed */
	const failClosed = (failed, code = 4402) => {
		if (failed) fail(403, code, `The hook failed (${failed}) and the app refuses when hooks fail`);
	};

	/**
	 * @param {string} client
	 * @param {Record<string, any>} body
	 */
	async function send(client, body) {
		const conversation = conversationOf(String(body.conversationId ?? ''));
		if (typeof body.message !== 'string' || body.message === '') fail(400, 1, 'message must be a non-empty string');
		const service = conversation.sys === true;
		if (!service && !conversation.tr && !conversation.m.includes(client)) fail(403, 4401, 'INVALID_MESSAGING_TARGET');
		const transient = body.transient === true;
		const timestamp = Date.now();
		const params = { fromPeer: client, convId: conversation.objectId, toPeers: service ? [] : conversation.m.filter((/** @type {string} */ member) => member !== client), transient, bin: false, content: body.message, receipt: false, timestamp, system: service, sourceIP: SOURCE_IP, groupId: null };
		const { reply, failed } = await hooks.blocking('_messageReceived', params);
		failClosed(failed);
		if (reply.drop) fail(403, 4402, `MESSAGE_REJECTED_BY_APP${reason(reply) ? `: ${reason(reply)}` : ''}`);
		const content = typeof reply.content === 'string' ? reply.content : body.message;
		const toPeers = Array.isArray(reply.toPeers) ? reply.toPeers.filter((/** @type {unknown} */ peer) => params.toPeers.includes(/** @type {string} */ (peer))) : params.toPeers;
		const record = store.addMessage(conversation.objectId, client, content, { transient });
		const msgId = record['msg-id'];
		const online = toPeers.filter((/** @type {string} */ peer) => store.online.has(peer));
		const offline = toPeers.filter((/** @type {string} */ peer) => !store.online.has(peer));
		hooks.notify('_messageSent', { fromPeer: client, convId: conversation.objectId, msgId, onlinePeers: online, offlinePeers: offline, transient, system: service, bin: false, content, receipt: false, timestamp: record.timestamp, sourceIP: SOURCE_IP });
		if (offline.length && !transient) hooks.notify('_receiversOffline', { fromPeer: client, convId: conversation.objectId, offlinePeers: offline, content, timestamp: record.timestamp, mentionAll: false, mentionOfflinePeers: [] });
		if (service) hooks.queueCallback({ fromIp: SOURCE_IP, conv: { __type: 'Pointer', className: '_Conversation', objectId: conversation.objectId }, msgId, from: client, bin: false, data: content, createdAt: { __type: 'Date', iso: new Date(record.timestamp).toISOString() }, updatedAt: { __type: 'Date', iso: new Date(record.timestamp).toISOString() } });
		// What the sender's SDK learns: the ack, and (as its MESSAGE_UPDATE event) whether the hook changed the message.
		return { 'msg-id': msgId, timestamp: record.timestamp, conversationId: conversation.objectId, content, toClients: toPeers, modified: content !== body.message ? { code: reply.code, detail: reply.detail } : undefined };
	}

	/**
	 * @param {string} client
	 * @param {string} msgId
	 * @param {Record<string, any>} body
	 */
	async function update(client, msgId, body) {
		const conversation = conversationOf(String(body.conversationId ?? ''));
		const record = (store.messages.get(conversation.objectId) ?? []).find((candidate) => candidate['msg-id'] === msgId) ?? fail(404, 4404, 'MESSAGE_NOT_FOUND');
		if (record.from !== client) fail(403, 4403, 'MESSAGE_OWNERSHIP_REQUIRED');
		const recall = body.recall === true;
		if (!recall && typeof body.message !== 'string') fail(400, 1, 'message must be a string, or recall true');
		const params = { fromPeer: client, convId: conversation.objectId, toPeers: conversation.m.filter((/** @type {string} */ member) => member !== client), bin: false, content: recall ? record.data : body.message, timestamp: Date.now(), msgId, sourceIP: SOURCE_IP, recall, system: conversation.sys === true };
		const { reply, failed } = await hooks.blocking('_messageUpdate', params);
		failClosed(failed, 4405);
		if (reply.drop) fail(403, 4405, `UPDATE_REJECTED_BY_APP${reason(reply) ? `: ${reason(reply)}` : ''}`);
		if (recall) {
			record.data = '{"_lctype":-127}';
			record.recall = true;
		} else record.data = typeof reply.content === 'string' ? reply.content : body.message;
		return { 'msg-id': msgId, content: record.data, recalled: recall };
	}

	/**
	 * @param {string} hook
	 * @param {Record<string, unknown>} params
	 */
	async function allowed(hook, params) {
		const { reply, failed } = await hooks.blocking(hook, params);
		failClosed(failed, 4305);
		if (reply.reject) fail(403, 4305, `CONVERSATION_OPERATION_REJECTED_BY_APP${reason(reply) ? `: ${reason(reply)}` : ''}`);
		return reply;
	}

	/**
	 * @param {string} client
	 * @param {Record<string, any>} body
	 */
	async function create(client, body) {
		const members = [...new Set([client, ...clientList(body.members, 'members')])];
		const attr = typeof body.attr === 'object' && body.attr !== null ? body.attr : {};
		await allowed('_conversationStart', { initBy: client, members, attr: { name: body.name, ...attr } });
		const conversation = store.createConversation({ name: body.name, m: members, c: client, attr });
		hooks.notify('_conversationStarted', { convId: conversation.objectId });
		return conversation;
	}

	/**
	 * @param {string} client
	 * @param {string} id
	 * @param {Record<string, any>} body
	 * @param {boolean} adding
	 */
	async function changeMembers(client, id, body, adding) {
		const conversation = conversationOf(id);
		const members = clientList(body.members, 'members');
		await allowed(adding ? '_conversationAdd' : '_conversationRemove', { initBy: client, members, convId: id });
		conversation.m = adding ? [...new Set([...conversation.m, ...members])] : conversation.m.filter((/** @type {string} */ member) => !members.includes(member));
		hooks.notify(adding ? '_conversationAdded' : '_conversationRemoved', { initBy: client, convId: id, members });
		return { conversationId: id, members: conversation.m };
	}

	/**
	 * @param {string} client
	 * @param {string} id
	 * @param {Record<string, any>} body
	 */
	async function updateConversation(client, id, body) {
		const conversation = conversationOf(id);
		const muting = typeof body.mute === 'boolean';
		const attr = muting ? undefined : typeof body.attr === 'object' && body.attr !== null ? body.attr : fail(400, 1, 'attr must be an object, or mute a boolean');
		const reply = await allowed('_conversationUpdate', muting ? { initBy: client, convId: id, mute: body.mute } : { initBy: client, convId: id, attr });
		if (muting) {
			const mute = typeof reply.mute === 'boolean' ? reply.mute : body.mute;
			conversation.mu = mute ? [...new Set([...(conversation.mu ?? []), client])] : (conversation.mu ?? []).filter((/** @type {string} */ member) => member !== client);
		} else Object.assign(conversation, typeof reply.attr === 'object' && reply.attr !== null ? reply.attr : attr);
		return conversation;
	}

	/**
	 * @param {string} method
	 * @param {string[]} segments after /sandbox/
	 * @param {Record<string, any>} body
	 */
	return async function handle(method, segments, body) {
		const [clients, client, collection, id, sub, ...rest] = segments;
		if (clients !== 'clients' || !client || rest.length) fail(404, 404, 'Not found.');
		const route = `${method} ${collection}${id === undefined ? '' : '/:id'}${sub === undefined ? '' : `/${sub}`}`;
		switch (route) {
			case 'POST messages':
				return await send(client, body);
			case 'PUT messages/:id':
				return await update(client, id, body);
			case 'POST conversations':
				return await create(client, body);
			case 'PUT conversations/:id':
				return await updateConversation(client, id, body);
			case 'POST conversations/:id/members':
				return await changeMembers(client, id, body, true);
			case 'DELETE conversations/:id/members':
				return await changeMembers(client, id, body, false);
			case 'POST online':
				store.online.add(client);
				hooks.notify('_clientOnline', { peerId: client, sourceIP: SOURCE_IP, tag: 'sandbox', reconnect: 0 });
				return { clientId: client, online: true };
			case 'POST offline':
				store.online.delete(client);
				hooks.notify('_clientOffline', { peerId: client, closeCode: 1, closeMsg: 'logout', sourceIP: SOURCE_IP, tag: 'sandbox' });
				return { clientId: client, online: false };
		}
		return fail(404, 404, `No sandbox client endpoint ${method} /sandbox/${segments.join('/')}`);
	};
}

module.exports = { clientSdk };
