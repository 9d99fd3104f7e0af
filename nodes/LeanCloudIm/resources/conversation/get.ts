import { conversationLocator } from '../../descriptions/common';
import type { OperationDef } from '../../engine/operation';
import { rtm } from '../../engine/path';
import { LeanCloudFailure } from '../../transport/request';

// The API has no single-conversation endpoint: Get queries by objectId and reports an empty result as 404.
export const get: OperationDef = {
	value: 'get',
	name: 'Get',
	action: 'Get a conversation',
	description: 'Get a conversation by its ID, with its name, members and attributes',
	properties: [conversationLocator('The conversation to get')],
	request(p) {
		const id = p.requiredString('conversationId');
		return {
			method: 'GET',
			path: rtm`conversations`,
			query: { where: JSON.stringify({ objectId: id }), limit: 1 },
		};
	},
	output(body, p) {
		const results = (body as { results?: unknown[] } | undefined)?.results;
		if (!Array.isArray(results) || results.length === 0) {
			throw new LeanCloudFailure(`No conversation with ID "${p.string('conversationId')}" exists`, { status: 404 });
		}
		return results[0] as Record<string, never>;
	},
};
