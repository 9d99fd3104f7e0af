import type { IDataObject } from 'n8n-workflow';

import { CHAT_ROOM, CONVERSATION, SERVICE_CONVERSATION } from '../shared/conversations/kinds';
import { rtm } from '../shared/params/path';
import type { Send } from '../shared/sending/requestSpec';

/** Conversation ID -> kind, kept between polls in static data; bounded, oldest entries go first. */
export type KindCache = Record<string, string>;
const MAX_CACHED = 1_000;
/** A LeanCloud objectId: 24 hexadecimal characters. */
const OBJECT_ID = /^[0-9a-f]{24}$/i;
/** IDs asked for in one `$in` query. */
const CHUNK = 100;

/** The kind of a `_Conversation` row, from its chat room (`tr`) and service (`sys`) flags. */
export function kindOfRow(row: IDataObject): string {
	if (row.tr === true) return CHAT_ROOM.value;
	if (row.sys === true) return SERVICE_CONVERSATION.value;
	return CONVERSATION.value;
}

/**
 * The kinds of the given conversations: from the cache, else one `all-conversations` query per 100 IDs.
 * A conversation that no longer exists has no kind (and so matches no Conversation Types filter).
 */
export async function kindsOf(send: Send, ids: string[], cache: KindCache): Promise<Map<string, string>> {
	const has = (id: string) => Object.prototype.hasOwnProperty.call(cache, id);
	// Only IDs of LeanCloud's shape are looked up and kept: the cache lives in static data, and a server answering
	// with 20 KB conversation IDs must not fill it (nor the lookup's URL). Other IDs have no kind.
	const missing = ids.filter((id) => OBJECT_ID.test(id) && !has(id));
	for (let start = 0; start < missing.length; start += CHUNK) {
		const chunk = missing.slice(start, start + CHUNK);
		const body = (await send({
			method: 'GET',
			path: rtm`all-conversations`,
			query: { where: JSON.stringify({ objectId: { $in: chunk } }), limit: CHUNK },
		})) as { results?: IDataObject[] } | undefined;
		for (const row of body?.results ?? []) {
			if (typeof row.objectId === 'string' && chunk.includes(row.objectId)) cache[row.objectId] = kindOfRow(row);
		}
	}
	const kinds = new Map(ids.filter(has).map((id) => [id, cache[id]]));
	const keys = Object.keys(cache);
	for (const key of keys.slice(0, Math.max(0, keys.length - MAX_CACHED))) delete cache[key];
	return kinds;
}
