/**
 * Runs a resource's endpoint cases inside n8n's engine: each case's request must be the endpoint it claims,
 * sent exactly (method, path, query, body, signed for its key), and its output exactly the case's. Each
 * resource's test file calls this with its own cases; test/catalogue checks README's table against all of them.
 */
import type nock from 'nock';

import { api, expectAllRequestsMade, resetNock } from '../harness/leancloud';
import { runNode } from '../../harness/runNode';
import type { EndpointCase } from './fixtures';

/** `POST /conversations/{conv_id}/members` as a regular expression over request paths. */
export function endpointPattern(endpoint: string): { method: string; path: RegExp } {
	const [method, template] = endpoint.split(' ');
	const source = template.replace(/\{[a-z_]+\}/g, '[^/]+').replace(/\//g, '\\/');
	return { method, path: new RegExp(`^${source}$`) };
}

export function testEndpointCases(cases: EndpointCase[]): void {
	describe('each documented endpoint, through the engine', () => {
		beforeEach(resetNock);
		afterEach(expectAllRequestsMade);
		test.each(cases.map((entry) => [`${entry.endpoint}${entry.title ? ` (${entry.title})` : ''}`, entry] as const))('%s', async (_name, entry) => {
			const { method, path } = endpointPattern(entry.endpoint);
			// The case's own request must be the endpoint it claims to cover.
			expect(entry.request.path).toMatch(path);
			api(entry.key ?? 'master')
				.intercept(`/1.2/rtm${entry.request.path}`, method, entry.request.body as nock.RequestBodyMatcher | undefined)
				.query(entry.request.query ?? {})
				.reply(200, (entry.reply ?? {}) as object);
			const { output, error } = await runNode({ parameters: entry.parameters, items: entry.items });
			expect(error).toBeUndefined();
			expect(output).toEqual(entry.output.map((json) => ({ json, pairedItem: { item: 0 } })));
		});
	});
}
