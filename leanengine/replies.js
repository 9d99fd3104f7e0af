'use strict';
// What the forwarder hands to n8n, and what it hands back to LeanCloud: the params as JSON (or nothing, when they
// cannot reach a workflow intact), and a hook's answer from n8n's decision, the fallback, or the refusal.

const { HOOKS } = require('./hooks');

/**
 * The deepest params the forwarder hands on. LeanCloud sends far shallower ones; past this, n8n's own copying of an
 * item would overflow its stack (about 5,000 levels), so the call cannot reach a workflow intact.
 */
const MAX_DEPTH = 1000;
/** What a fail-closed forwarder answers when n8n gives no decision (the sender sees this code and detail). */
const UNAVAILABLE = { code: 503, detail: 'Moderation is unavailable; please try again later.' };
/**
 * What the forwarder answers, fail-open or not, for a call it cannot hand to n8n as it is: a sender must not be able to
 * choose fail-open by crafting a payload (fail-open is for n8n being unavailable).
 */
const UNREPRESENTABLE = { code: 422, detail: 'This message cannot be checked by moderation, so it was not delivered.' };

/**
 * @param {unknown} value
 * @param {import('./hooks').FieldType} type
 */
function ofType(value, type) {
	switch (type) {
		case 'boolean':
			return typeof value === 'boolean';
		case 'integer':
			return Number.isSafeInteger(value);
		case 'string':
			return typeof value === 'string';
		case 'stringArray':
			return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
		case 'object':
			return typeof value === 'object' && value !== null && !Array.isArray(value);
		case 'pushMessage':
			return typeof value === 'string' || (typeof value === 'object' && value !== null && !Array.isArray(value));
	}
	return false;
}

/**
 * What n8n answered, as the hook may return it. Only a decision counts: an object whose `hookReply` holds the hook's
 * fields (what the LeanCloud IM node's Hook Reply outputs; a workflow that builds its own answer wraps LeanCloud's
 * fields the same way), and that does not still carry the trigger's call (`hookCall`). The trigger's own item (a
 * workflow that ends without a Hook Reply) echoes the message's `content` and `toPeers`; it is no decision. Fields the
 * hook does not take are dropped; fields of the wrong type are refused (dropped, and named in `refused`).
 * @param {string} hook
 * @param {unknown} answer
 */
function replyFor(hook, answer) {
	const first = Array.isArray(answer) ? answer[0] : answer;
	if (typeof first !== 'object' || first === null) return { decided: false, reply: {}, refused: [] };
	const record = /** @type {Record<string, unknown>} */ (first);
	const marked = typeof record.hookReply === 'object' && record.hookReply !== null && !Array.isArray(record.hookReply);
	if (!marked || Object.prototype.hasOwnProperty.call(record, 'hookCall')) return { decided: false, reply: {}, refused: [] };
	const source = /** @type {Record<string, unknown>} */ (record.hookReply);
	/** @type {Record<string, unknown>} */
	const reply = {};
	/** @type {string[]} */
	const refused = [];
	for (const [field, type] of Object.entries(HOOKS[hook].reply)) {
		if (!Object.prototype.hasOwnProperty.call(source, field) || source[field] === undefined || source[field] === null) continue;
		const value = source[field];
		if (!ofType(value, type)) {
			refused.push(field);
			continue;
		}
		// LeanCloud's examples send the custom push as a JSON string.
		reply[field] = type === 'pushMessage' && typeof value !== 'string' ? JSON.stringify(value) : value;
	}
	return { decided: true, reply, refused };
}

/**
 * A refusal with this code and detail, for the hooks that can refuse: the message dropped, or the change refused.
 * Other hooks get nothing to refuse with ({}).
 * @param {string} hook
 * @param {{ code: number, detail: string }} reason
 */
function refusal(hook, reason) {
	const fields = HOOKS[hook].reply;
	if ('drop' in fields) return { drop: true, ...reason };
	if ('reject' in fields) return { reject: true, ...reason };
	return {};
}

/**
 * What a hook returns when n8n gave no decision: nothing (deliver as sent), or with N8N_HOOK_ON_FAILURE=refuse a
 * refusal, for the hooks that can refuse.
 * @param {string} hook
 * @param {'deliver' | 'refuse'} onFailure
 */
function fallback(hook, onFailure) {
	return onFailure === 'deliver' ? {} : refusal(hook, UNAVAILABLE);
}

/**
 * What a hook answers for a call that cannot be handed to n8n intact, whatever the fail-open setting: the message is
 * dropped, the change refused, the push skipped.
 * @param {string} hook
 */
function unrepresentable(hook) {
	return 'skip' in HOOKS[hook].reply ? { skip: true } : refusal(hook, UNREPRESENTABLE);
}

/**
 * The params as JSON, or undefined when they cannot be represented: nested deeper than MAX_DEPTH (measured without
 * recursion, so no depth a client sends can overflow the stack here), or not serialisable at all.
 * @param {unknown} params
 * @returns {string | undefined}
 */
function serialise(params) {
	/** @type {Array<[unknown, number]>} */
	const stack = [[params ?? {}, 1]];
	while (stack.length) {
		const [value, depth] = /** @type {[unknown, number]} */ (stack.pop());
		if (typeof value !== 'object' || value === null) continue;
		if (depth > MAX_DEPTH) return undefined;
		for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) stack.push([child, depth + 1]);
	}
	try {
		return JSON.stringify(params ?? {});
	} catch {
		return undefined;
	}
}

module.exports = { replyFor, fallback, unrepresentable, serialise, MAX_DEPTH, UNREPRESENTABLE };
