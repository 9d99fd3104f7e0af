import type { IDataObject } from 'n8n-workflow';

import type { ListSpec, RequestSpec } from './operation';

/**
 * Walks a list endpoint until `limit` items are collected (Infinity = all) or the declaration's `nextPage`
 * says the end is reached. Asks for no more than still needed, never spends a request on a page known to
 * be empty, and leaves the caller's request untouched. Memory grows with the items kept only.
 */
export async function collectPages(
	send: (spec: RequestSpec) => Promise<unknown>,
	first: RequestSpec,
	list: ListSpec,
	limit: number,
): Promise<unknown[]> {
	const kept: unknown[] = [];
	let query: IDataObject = { ...(first.query ?? {}) };
	for (;;) {
		const remaining = limit - kept.length;
		const asked = Math.min(remaining, list.pageSize);
		if (list.limitParam && Number.isFinite(asked)) query[list.limitParam] = asked;

		const body = await send({ ...first, query });
		const items = list.items(body);
		for (const item of items) {
			if (kept.length >= limit) break;
			kept.push(item);
		}

		if (kept.length >= limit || items.length === 0 || !list.nextPage) return kept;
		const next = list.nextPage(body, items, query);
		if (!next) return kept;
		query = { ...query, ...next };
	}
}
