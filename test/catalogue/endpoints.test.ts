/**
 * README's "Every endpoint" table against the code: every documented endpoint has an engine case (run in its
 * resource's test file, test/resources/<resource>.test.ts) that runs an operation the table names for it, and
 * every operation of the node is in the table.
 */
import { resources } from '../../nodes/LeanCloudIm/registry';
import { cases } from './cases';
import { readmeOperations, readmeRows } from './readme.cjs';

const rows = readmeRows();
/** The storage API's endpoints (README's "Files" table): File operations, tested in test/resources/file.test.ts. */
const fileRows = readmeRows('Files');

/** "Message > Send" for a case's resource and operation values. */
function operationName(resource: unknown, operation: unknown): string {
	const found = resources.find((candidate) => candidate.value === resource);
	const op = found?.operations.find((candidate) => candidate.value === operation);
	return found && op ? `${found.name} > ${op.name}` : `unknown operation ${String(resource)}.${String(operation)}`;
}

test('lists all 82 documented /1.2/rtm endpoints, once each', () => {
	expect(rows).toHaveLength(82);
	expect(new Set(rows.map((row) => row.endpoint)).size).toBe(82);
});

test('every endpoint in it has an engine case, and every case is an endpoint in it', () => {
	const tested = new Set(cases.map((entry) => entry.endpoint));
	expect(rows.map((row) => row.endpoint).filter((endpoint) => !tested.has(endpoint))).toEqual([]);
	expect([...tested].filter((endpoint) => !rows.some((row) => row.endpoint === endpoint))).toEqual([]);
});

test('each case runs an operation the table names for its endpoint', () => {
	const mismatched = cases
		.map((entry) => {
			const row = rows.find((candidate) => candidate.endpoint === entry.endpoint);
			const named = (row?.operations ?? []).map((name) => name.replace(/ \(.*\)$/, ''));
			const runs = operationName(entry.parameters.resource, entry.parameters.operation);
			return named.includes(runs) ? undefined : `${entry.endpoint}: runs ${runs}, the table names ${named.join('; ') || 'nothing'}`;
		})
		.filter(Boolean);
	expect(mismatched).toEqual([]);
});

test('every operation of the node that sends a request is named in it, and it names no other', () => {
	// The Hook Reply sends nothing: it has no endpoint (its operations are checked in the Operations table below).
	const existing = resources.flatMap((resource) => resource.operations.filter((op) => !op.reply).map((op) => `${resource.name} > ${op.name}`));
	const named = new Set([...rows, ...fileRows].flatMap((row) => row.operations.map((name) => name.replace(/ \(.*\)$/, ''))));
	expect([...named].filter((name) => !existing.includes(name))).toEqual([]);
	expect(existing.filter((name) => !named.has(name))).toEqual([]);
});

test('the Files table lists the storage endpoints the File operations use', () => {
	expect(fileRows.map((row) => row.endpoint)).toEqual(['POST /1.1/fileTokens', 'POST /1.1/fileCallback', 'POST /1.1/files', 'DELETE /1.1/files/{objectId}']);
});

test('README\'s Operations table names every operation that sends nothing (the Hook Reply)', () => {
	const local = resources.filter((resource) => resource.operations.some((op) => op.reply));
	expect(local.map((resource) => resource.name)).toEqual(['Hook Reply']);
	for (const resource of local) expect(readmeOperations(resource.name)).toEqual(resource.operations.map((op) => op.name).sort());
});
