import { NodeOperationError, type ILoadOptionsFunctions, type INodeListSearchResult } from 'n8n-workflow';

import { toNodeApiError } from '../engine/errors';
import { rtm } from '../engine/path';
import { LeanCloudFailure, sendRequest } from '../transport/request';

const PAGE_SIZE = 50;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Conversations for the "From List" picker, searched by name, paged by skip (the only documented query parameters are where, skip and limit). Errors are shown, not swallowed. */
export async function searchConversations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0) || 0;
	const query: Record<string, string | number> = { limit: PAGE_SIZE, skip };
	if (filter) query.where = JSON.stringify({ name: { $regex: escapeRegex(filter), $options: 'i' } });
	let body: unknown;
	try {
		body = await sendRequest(this, { method: 'GET', path: rtm`conversations`, query }, 'master');
	} catch (error) {
		if (error instanceof LeanCloudFailure) throw toNodeApiError(this.getNode(), error);
		throw new NodeOperationError(this.getNode(), error as Error);
	}
	const results = ((body as { results?: Array<{ objectId: string; name?: string }> }).results ?? []).filter(
		(conversation) => typeof conversation.objectId === 'string',
	);
	return {
		results: results.map(({ objectId, name }) => ({ name: name ? `${name} (${objectId})` : objectId, value: objectId })),
		paginationToken: results.length === PAGE_SIZE ? String(skip + PAGE_SIZE) : undefined,
	};
}
