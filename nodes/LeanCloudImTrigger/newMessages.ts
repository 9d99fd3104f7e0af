import type { IDataObject } from 'n8n-workflow';

import { CHAT_ROOM, CONVERSATION, objectIdSegment } from '../shared/conversations/kinds';
import { contentTypeOf } from '../shared/messages/contentTypes';
import { simplifyRecord } from '../shared/messages/simplify';
import type { Params } from '../shared/params/params';
import { rtm, type RtmPath } from '../shared/params/path';
import type { Send } from '../shared/sending/requestSpec';
import { advance, readFrom, type Cursor } from './cursor';
import { kindsOf, type KindCache } from './conversationKindCache';
import type { PollResult } from './pollResult';
import { followable } from './records';
import { historySince } from './historySince';
import { maxPerPoll, MESSAGE_SCOPES, MESSAGE_TYPES, type MessageScope } from './fields';

/** Where the messages come from, and what the cursor follows (a changed target starts afresh). */
export function messageSource(p: Params): { scope: MessageScope; path: RtmPath; key: string } {
	const scope = p.oneOf('scope', MESSAGE_SCOPES, 'app');
	if (scope === 'conversation') {
		const id = objectIdSegment(p);
		return { scope, path: rtm`conversations/${id}/messages`, key: `message:conversation:${id.value}` };
	}
	if (scope === 'chatRoom') {
		const id = objectIdSegment(p);
		return { scope, path: rtm`chatrooms/${id}/messages`, key: `message:chatRoom:${id.value}` };
	}
	if (scope === 'client') {
		const client = p.clientIdSegment('clientId');
		return { scope, path: rtm`clients/${client}/messages`, key: `message:client:${client.value}` };
	}
	return { scope, path: rtm`messages`, key: 'message:app' };
}

interface Filters {
	keep(record: IDataObject): boolean;
	kinds?: string[];
}

function readFilters(p: Params, scope: string): Filters {
	const options = p.collection('options');
	const ignore = new Set(options.has('ignoreFrom') ? options.clientIds('ignoreFrom') : []);
	const from = scope !== 'client' && options.has('fromClients') ? new Set(options.clientIds('fromClients')) : undefined;
	const types = (options.raw('messageTypes') as string[] | undefined) ?? [];
	for (const type of types) if (!(MESSAGE_TYPES as readonly string[]).includes(type)) options.fail('messageTypes', `has an unknown type "${type}"`);
	const kinds = ['app', 'client'].includes(scope) ? ((options.raw('conversationTypes') as string[] | undefined) ?? []) : [];
	return {
		keep: (record) => {
			const sender = String(record.from ?? '');
			if (ignore.has(sender)) return false;
			if (from && !from.has(sender)) return false;
			return types.length === 0 || types.includes(contentTypeOf(record.data));
		},
		kinds: kinds.length ? kinds : undefined,
	};
}

/** The kind of every watched conversation, when the scope says it (one conversation or one chat room). */
const SCOPE_KINDS: Record<string, string> = { conversation: CONVERSATION.value, chatRoom: CHAT_ROOM.value };

/**
 * Applies the filters (the conversation-kind one needs the kinds of the conversations seen) and shapes the
 * items. Simplified items carry `conversationType` when it is known (one conversation or chat room watched,
 * or the Conversation Types filter set), so Recall, Mute and Send can take it by expression.
 */
async function shape(send: Send, p: Params, scope: string, filters: Filters, records: IDataObject[], cache: KindCache): Promise<IDataObject[]> {
	let kept = records.filter((record) => filters.keep(record));
	const scopeKind: string | undefined = SCOPE_KINDS[scope];
	let kindOf: (record: IDataObject) => string | undefined = () => scopeKind;
	if (filters.kinds) {
		const kinds = await kindsOf(send, [...new Set(kept.map((record) => String(record['conv-id'])))], cache);
		const wanted = filters.kinds;
		kept = kept.filter((record) => wanted.includes(kinds.get(String(record['conv-id'])) ?? ''));
		kindOf = (record) => kinds.get(String(record['conv-id']));
	}
	if (!p.boolean('simplify', true)) return kept;
	return kept.map((record) => {
		const simple = simplifyRecord(record);
		const kind = kindOf(record);
		return kind ? { ...simple, conversationType: kind } : simple;
	});
}

/** One poll: every message since the cursor (up to the cap, the rest next time), each reported once, and the cursor after it. */
export async function pollMessages(send: Send, p: Params, cursor: Cursor, cache: KindCache, now: number): Promise<PollResult> {
	const { scope, path } = messageSource(p);
	const filters = readFilters(p, scope);
	const cap = maxPerPoll(p);
	const { rows, capped, newestFirst } = await historySince(send, path, readFrom(cursor), cap);
	const { records, skipped } = followable(rows, (row) => row['msg-id'], (row) => row.timestamp);
	const { fresh, next } = advance(cursor, records, capped, now);
	const items = await shape(send, p, scope, filters, fresh.map((entry) => entry.record), cache);
	const behindMs = capped ? Math.max(0, now - (next.resume?.time ?? next.position)) : undefined;
	return { items, next, skipped, behindMs, newestFirst };
}

/** Manual mode ("Fetch Test Event"): the latest matching message, new or not, so fields can be mapped. */
export async function latestMessages(send: Send, p: Params, cache: KindCache): Promise<IDataObject[]> {
	const { scope, path } = messageSource(p);
	const filters = readFilters(p, scope);
	const answer = (await send({ method: 'GET', path, query: { limit: 100 } })) as unknown;
	const newestFirst = followable(Array.isArray(answer) ? answer : [], (row) => row['msg-id'], (row) => row.timestamp).records.map((entry) => entry.record);
	const items = await shape(send, p, scope, filters, newestFirst, cache);
	return items.slice(0, 1);
}
