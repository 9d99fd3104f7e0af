import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { rtm, type RtmPath } from '../params/path';
import { toNodeError } from '../reporting/nodeError';
import { openSender } from '../sending/sender';
import { PICKER_POLICY } from '../sending/retry';
import { settle } from '../errors/settle';

/** One page of picker results: what the editor shows before "load more", not the query's largest page. */
const PICKER_PAGE_SIZE = 50;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The "From List" results for one conversation collection, searched by name and paged by skip (the only
 * query parameters LeanCloud names are where, skip and limit: README, "API facts the code relies on"). Sent like every other request (429 waits and safe
 * retries included); errors are shown, not swallowed.
 */
async function search(context: ILoadOptionsFunctions, path: RtmPath, filter: string | undefined, paginationToken: string | undefined): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0) || 0;
	const query: Record<string, string | number> = { limit: PICKER_PAGE_SIZE, skip };
	if (filter) query.where = JSON.stringify({ name: { $regex: escapeRegex(filter), $options: 'i' } });
	const answer = await settle(
		(async () => {
			const { send } = await openSender(context, { need: 'master', user: 'the conversation list', policy: PICKER_POLICY });
			return await send({ method: 'GET', path, query });
		})(),
	);
	if (!answer.ok) throw toNodeError(context.getNode(), answer.error, { labelOf: (name) => name, then: 'search again' });
	const results = ((answer.value as { results?: Array<{ objectId: string; name?: string }> }).results ?? []).filter(
		(conversation) => typeof conversation.objectId === 'string',
	);
	return {
		results: results.map(({ objectId, name }) => ({ name: name ? `${name} (${objectId})` : objectId, value: objectId })),
		paginationToken: results.length === PICKER_PAGE_SIZE ? String(skip + PICKER_PAGE_SIZE) : undefined,
	};
}

export async function searchConversations(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, rtm`conversations`, filter, paginationToken);
}

export async function searchChatRooms(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, rtm`chatrooms`, filter, paginationToken);
}

export async function searchServiceConversations(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, rtm`service-conversations`, filter, paginationToken);
}

/** Every kind at once, for operations that accept any conversation. */
export async function searchAllConversations(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string) {
	return await search(this, rtm`all-conversations`, filter, paginationToken);
}
