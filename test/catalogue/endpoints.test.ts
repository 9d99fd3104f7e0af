import type nock from 'nock';

import { findOperation, resources } from '../../nodes/LeanCloudIm/registry';
import { api, expectAllRequestsMade, resetNock } from '../harness/leancloud';
import { runNode } from '../harness/runNode';
import { cases } from './cases';
import { readmeRows } from './readme.cjs';

beforeEach(resetNock);
afterEach(expectAllRequestsMade);

/** `POST /conversations/{conv_id}/members` as a regular expression over request paths. */
function endpointPattern(endpoint: string): { method: string; path: RegExp } {
	const [method, template] = endpoint.split(' ');
	const source = template.replace(/\{[a-z_]+\}/g, '[^/]+').replace(/\//g, '\\/');
	return { method, path: new RegExp(`^${source}$`) };
}

describe('every documented endpoint, through the engine', () => {
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

describe('README operations table', () => {
	const rows = readmeRows();

	test('lists all 82 documented /1.2/rtm endpoints, once each', () => {
		expect(rows).toHaveLength(82);
		expect(new Set(rows.map((row) => row.endpoint)).size).toBe(82);
	});

	test('every endpoint in it has an engine test above', () => {
		const tested = new Set(cases.map((entry) => entry.endpoint));
		expect(rows.map((row) => row.endpoint).filter((endpoint) => !tested.has(endpoint))).toEqual([]);
		expect([...tested].filter((endpoint) => !rows.some((row) => row.endpoint === endpoint))).toEqual([]);
	});

	test('every operation it names exists, and every operation of the node is named', () => {
		const byName = new Map<string, string>();
		for (const resource of resources) {
			for (const op of resource.operations) byName.set(`${resource.name} > ${op.name}`, `${resource.value}.${op.value}`);
		}
		const named = rows.flatMap((row) => row.operations.map((name) => name.replace(/ \(.*\)$/, '')));
		expect(named.filter((name) => !byName.has(name))).toEqual([]);
		expect([...byName.keys()].filter((name) => !named.includes(name))).toEqual([]);
		for (const name of named) {
			const [resource, operation] = (byName.get(name) as string).split('.');
			expect(findOperation(resource, operation)).toBeDefined();
		}
	});
});
