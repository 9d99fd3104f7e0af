import { NodeOperationError, type ILoadOptionsFunctions, type INodeListSearchResult } from 'n8n-workflow';

import { toNodeApiError } from '../errors/apiError';
import { rtm, type RtmPath } from '../params/path';
import { LeanCloudFailure, sendRequest } from '../transport/request';

const PAGE_SIZE = 50;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The "From List" results for one conversation collection, searched by name and paged by skip (the only
 * documented query parameters are where, skip and limit). Errors are shown, not swallowed.
 */
async function search(
	context: ILoadOptionsFunctions,
	path: RtmPath,
	filter: string | undefined,
	paginationToken: string | undefined,
): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0) || 0;
	const query: Record<string, string | number> = { limit: PAGE_SIZE, skip };
	if (filter) query.where = JSON.stringify({ name: { $regex: escapeRegex(filter), $options: 'i' } });
	let body: unknown;
	try {
		body = await sendRequest(context, { method: 'GET', path, query }, { key: 'master' });
	} catch (error) {
		if (error instanceof LeanCloudFailure) throw toNodeApiError(context.getNode(), error);
		throw new NodeOperationError(context.getNode(), error as Error);
	}
	const results = ((body as { results?: Array<{ objectId: string; name?: string }> }).results ?? []).filter(
		(conversation) => typeof conversation.objectId === 'string',
	);
	return {
		results: results.map(({ objectId, name }) => ({ name: name ? `${name} (${objectId})` : objectId, value: objectId })),
		paginationToken: results.length === PAGE_SIZE ? String(skip + PAGE_SIZE) : undefined,
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
