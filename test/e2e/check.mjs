// A minimal test runner for the end-to-end suite (which runs outside jest: it drives real processes).
// Prints one line per test and a closing "N passed, N failed" line.
import { isDeepStrictEqual, inspect } from 'node:util';

/** @typedef {(run: any, node: string) => any[]} OutputOf the items a node of a run output, as JSON */
/** @typedef {ReturnType<typeof expect>} Expectation */

/** @type {Array<{ name: string, ok: boolean }>} */
const results = [];

/**
 * @param {any} actual
 * @param {unknown} expected
 * @returns {boolean}
 */
function matchesObject(actual, expected) {
	if (typeof expected !== 'object' || expected === null) return isDeepStrictEqual(actual, expected);
	if (typeof actual !== 'object' || actual === null) return false;
	return Object.entries(expected).every(([key, value]) => matchesObject(actual[key], value));
}

/**
 * @param {any} actual
 * @param {string} [label]
 */
export function expect(actual, label = '') {
	/** @type {(what: string) => never} */
	const fail = (what) => {
		throw new Error(`${label ? `${label}: ` : ''}expected ${inspect(actual, { depth: 6 })} ${what}`);
	};
	return {
		toBe: (/** @type {unknown} */ expected) => Object.is(actual, expected) || fail(`to be ${inspect(expected)}`),
		toEqual: (/** @type {unknown} */ expected) => isDeepStrictEqual(actual, expected) || fail(`to equal ${inspect(expected, { depth: 6 })}`),
		toMatchObject: (/** @type {unknown} */ expected) => matchesObject(actual, expected) || fail(`to match ${inspect(expected, { depth: 6 })}`),
		toHaveLength: (/** @type {number} */ length) => actual?.length === length || fail(`to have length ${length}`),
		toBeTruthy: () => Boolean(actual) || fail('to be truthy'),
		toContain: (/** @type {unknown} */ part) => actual?.includes?.(part) || fail(`to contain ${inspect(part)}`),
	};
}

/**
 * @param {string} name
 * @param {() => Promise<void> | void} fn
 */
export async function test(name, fn) {
	const started = Date.now();
	try {
		await fn();
		results.push({ name, ok: true });
		process.stdout.write(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
	} catch (error) {
		results.push({ name, ok: false });
		process.stdout.write(`  ✕ ${name}\n    ${String(/** @type {Error} */ (error).stack ?? error).split('\n').join('\n    ')}\n`);
	}
}

/** Prints the closing line and returns the exit code. */
export function report() {
	const failed = results.filter((result) => !result.ok).length;
	process.stdout.write(`e2e: ${results.length - failed} passed, ${failed} failed\n`);
	return failed === 0 && results.length > 0 ? 0 : 1;
}
