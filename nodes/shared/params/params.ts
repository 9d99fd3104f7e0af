import type { IDataObject } from 'n8n-workflow';

import { MAX_JSON_DEPTH, nestedDeeperThan } from './jsonDepth';
import { ParameterError } from '../errors/parameterError';
import type { PathSegment } from './path';

/** Longest client ID LeanCloud takes (longer ones fail with 4103 INVALID_LOGIN). */
export const MAX_CLIENT_ID_LENGTH = 64;
/** LeanCloud client IDs: letters, digits, `_` and `-` (README, "API facts the code relies on"). */
const CLIENT_ID = /^[A-Za-z0-9_-]+$/;

/** Why `id` cannot be a LeanCloud client ID, if it cannot. */
function clientIdProblem(id: string): string | undefined {
	if (id.length > MAX_CLIENT_ID_LENGTH) return `"${id.slice(0, 20)}…" is longer than ${MAX_CLIENT_ID_LENGTH} characters`;
	if (!CLIENT_ID.test(id)) return `"${id.slice(0, 40)}" is not a client ID: use letters, digits, _ and - only`;
	return undefined;
}

function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Typed, validating reads of one item's parameter values. Values were read from n8n by the executor (at this
 * item's index, expressions resolved); operations only see this object, so they stay pure and testable.
 */
export class Params {
	private readonly cache = new Map<string, unknown>();

	/** `source` returns a parameter's value; each is read at most once, and only when an operation asks for it. */
	constructor(
		private readonly source: (name: string) => unknown,
		private readonly prefix = '',
	) {}

	/** Params over plain values (a collection's fields, or values in tests). */
	static of(values: IDataObject, prefix = ''): Params {
		return new Params((name) => values[name], prefix);
	}

	private read(name: string): unknown {
		if (!this.cache.has(name)) this.cache.set(name, this.source(name));
		return this.cache.get(name);
	}

	private qualified(name: string): string {
		return this.prefix + name;
	}

	/** Reports bad input for `name` (qualified with the collection it is in). */
	fail(name: string, message: string, hint?: string): never {
		throw new ParameterError(this.qualified(name), message, hint);
	}

	raw(name: string): unknown {
		return this.read(name);
	}

	/** Whether the value is set to something other than an empty string. */
	has(name: string): boolean {
		return !isBlank(this.read(name));
	}

	string(name: string): string {
		const value = this.read(name);
		if (isBlank(value)) return '';
		if (typeof value === 'string') return value;
		if (typeof value === 'number' || typeof value === 'boolean') return String(value);
		return this.fail(name, `must be text, got ${Array.isArray(value) ? 'a list' : typeof value}`);
	}

	requiredString(name: string): string {
		const value = this.string(name).trim();
		if (!value) this.fail(name, 'is empty');
		return value;
	}

	/** A required ID that goes into the request path (encoded by the `rtm` tag). */
	id(name: string): PathSegment {
		return { parameter: this.qualified(name), value: this.requiredString(name) };
	}

	/** A required client ID that goes into the request path. */
	clientIdSegment(name: string): PathSegment {
		return { parameter: this.qualified(name), value: this.clientId(name) };
	}

	/** One client ID. A list where one is expected ("tom,jerry") is refused, never sent as a single ID. */
	clientId(name: string): string {
		const value = this.requiredString(name);
		if (/[,;\s]/.test(value)) {
			this.fail(
				name,
				`takes one client ID, got "${value.slice(0, 40)}"`,
				'To act on several clients, add one input item per client, or use an operation with a Client IDs field (e.g. Member > Add, Mute > Add with Mute Type Permanent).',
			);
		}
		const problem = clientIdProblem(value);
		if (problem) this.fail(name, problem);
		return value;
	}

	/** Client IDs given as a list, or as text separated by commas or new lines. Trimmed and de-duplicated. */
	clientIds(name: string, { min = 1, max }: { min?: number; max?: number } = {}): string[] {
		const value = this.read(name);
		let parts: unknown[];
		if (isBlank(value)) parts = [];
		else if (Array.isArray(value)) parts = value;
		else if (typeof value === 'string') parts = value.split(/[,\n]/);
		else parts = [value];

		// Refuse a huge list before working through it: the limits LeanCloud sets are tens, not millions.
		if (max !== undefined && parts.length > Math.max(max * 10, 1000)) {
			this.fail(name, `has ${parts.length} entries; LeanCloud accepts at most ${max} client IDs`);
		}
		const ids = new Set<string>();
		for (const part of parts) {
			if (typeof part !== 'string' && typeof part !== 'number') {
				this.fail(name, 'must be a list of client IDs');
			}
			const id = String(part).trim();
			if (!id) continue;
			const problem = clientIdProblem(id);
			if (problem) this.fail(name, problem);
			ids.add(id);
		}
		if (ids.size < min) this.fail(name, min === 1 ? 'needs at least one client ID' : `needs at least ${min} client IDs`);
		if (max !== undefined && ids.size > max) {
			this.fail(name, `has ${ids.size} client IDs; LeanCloud accepts at most ${max}`);
		}
		return [...ids];
	}

	/** One of the option values a field offers (an expression can produce anything); `fallback` when empty. */
	oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
		const value = this.string(name).trim();
		if (!value) return fallback;
		if (!(values as readonly string[]).includes(value)) {
			this.fail(name, `must be one of ${values.map((option) => `"${option}"`).join(', ')}, got "${value.slice(0, 40)}"`);
		}
		return value as T;
	}

	boolean(name: string, fallback = false): boolean {
		const value = this.read(name);
		if (value === undefined || value === null || value === '') return fallback;
		if (typeof value === 'boolean') return value;
		if (value === 'true') return true;
		if (value === 'false') return false;
		return this.fail(name, `must be true or false, got "${String(value)}"`);
	}

	/** A number within [min, max]; `integer` also requires a whole number. */
	number(name: string, { min, max, integer = false }: { min: number; max: number; integer?: boolean }): number {
		const value = this.read(name);
		const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isFinite(number) || (integer && !Number.isInteger(number))) {
			this.fail(name, `must be a ${integer ? 'whole ' : ''}number, got "${String(value)}"`);
		}
		if (number < min || number > max) this.fail(name, `must be between ${min} and ${max}, got ${number}`);
		return number;
	}

	integer(name: string, range: { min: number; max: number }): number {
		return this.number(name, { ...range, integer: true });
	}

	/** A JSON object given as an object or as JSON text; undefined when empty. */
	jsonObject(name: string): IDataObject | undefined {
		const value = this.read(name);
		if (isBlank(value)) return undefined;
		let parsed: unknown = value;
		if (typeof value === 'string') {
			try {
				parsed = JSON.parse(value);
			} catch (error) {
				// The parser's wording differs between Node versions, so it goes in the hint, not the message.
				this.fail(name, 'is not valid JSON', `${(error as Error).message}. Check quotes and commas, e.g. {"key": "value"}.`);
			}
		}
		if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
			this.fail(name, 'must be a JSON object, e.g. {"key": "value"}');
		}
		if (nestedDeeperThan(parsed)) this.fail(name, `is nested more than ${MAX_JSON_DEPTH} levels deep`);
		return parsed as IDataObject;
	}

	/** A date-time (ISO text, or milliseconds) as Unix milliseconds; undefined when empty. */
	timestampMs(name: string): number | undefined {
		const value = this.read(name);
		if (isBlank(value)) return undefined;
		const ms = typeof value === 'number' ? value : Date.parse(String(value));
		if (!Number.isFinite(ms)) this.fail(name, `is not a valid date and time: "${String(value)}"`);
		return ms;
	}

	/** The fields of a collection parameter (e.g. "Options"), read with the same rules. */
	collection(name: string): Params {
		const value = this.read(name);
		const fields = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : {};
		return Params.of(fields, `${this.qualified(name)}.`);
	}
}
