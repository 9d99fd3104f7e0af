import { sleep, type ICredentialDataDecryptedObject } from 'n8n-workflow';

import { APP_KEY_FIELD, MASTER_KEY_FIELD } from '../../../credentials/LeanCloudImApi.credentials';

/** Shorter values are not treated as secrets: replacing them would mangle ordinary text. */
const MIN_SECRET_LENGTH = 6;

/**
 * The tail of an `X-LC-Sign` value (md5 hex, timestamp, optional `,master`): a comma and 9–13 digits. The 32 hex
 * characters before it are checked by hand: a pattern starting with `[0-9a-f]{32}` is tried at every hex character,
 * over a second per 30 MB of hex-rich text, where this finds the rare candidates in linear time.
 */
const SIGNATURE_TAIL = /,\d{9,13}(?:,master)?/gi;
const HASH_LENGTH = 32;
/** A bare md5 that could be a signature's hash; redacted from error text only, never from results (file names, hashes in content). */
const BARE_HASH = /\b[0-9a-f]{32}\b/gi;
const REDACTED = '[redacted]';

/** The key values to keep out of anything a server says back. */
export function secretsOf(credentials: ICredentialDataDecryptedObject | undefined): string[] {
	return [credentials?.[MASTER_KEY_FIELD], credentials?.[APP_KEY_FIELD]]
		.map((value) => (typeof value === 'string' ? value.trim() : ''))
		.filter((value) => value.length >= MIN_SECRET_LENGTH);
}

function isHex(code: number): boolean {
	return (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

/** Each signature in `text` replaced; linear in the length of `text`. */
function redactSignatures(text: string): string {
	let out = '';
	let from = 0;
	SIGNATURE_TAIL.lastIndex = 0;
	for (let match = SIGNATURE_TAIL.exec(text); match; match = SIGNATURE_TAIL.exec(text)) {
		const start = match.index - HASH_LENGTH;
		if (start < from) continue;
		let hex = true;
		for (let index = start; index < match.index && hex; index += 1) hex = isHex(text.charCodeAt(index));
		if (!hex) continue;
		out += text.slice(from, start) + REDACTED;
		from = match.index + match[0].length;
	}
	return from === 0 ? text : out + text.slice(from);
}

/**
 * Server-supplied text with the keys and any request signature replaced. A server (or a proxy) that echoes
 * request headers would otherwise put the raw key, or a live replayable signature, into an error message,
 * a Continue On Fail item or the execution data.
 */
export function redactSecrets(text: string, secrets: string[], { errorText = false } = {}): string {
	let redacted = text;
	for (const secret of secrets) {
		if (redacted.includes(secret)) redacted = redacted.split(secret).join(REDACTED);
	}
	redacted = redactSignatures(redacted);
	return errorText ? redacted.replace(BARE_HASH, REDACTED) : redacted;
}

/** Nesting deeper than this is no LeanCloud answer, and would overflow the stack of whatever walks it later. */
export const MAX_ANSWER_DEPTH = 64;

/** The longest the redaction walk runs before it lets the event loop turn (other workflows, timers, sockets). */
const SLICE_MS = 15;

export class TooDeepError extends Error {
	constructor() {
		super(`The answer is nested more than ${MAX_ANSWER_DEPTH} levels deep`);
		this.name = 'TooDeepError';
	}
}

/**
 * Every string of a freshly parsed answer (values and keys) redacted, in place: what the user sees is decoded text,
 * so that is what is redacted. Iterative (no stack to overflow; nesting deeper than MAX_ANSWER_DEPTH throws
 * TooDeepError), no copy of what needs no change, and it lets the event loop turn every SLICE_MS: a 16 MB answer of
 * small strings takes about 100 ms to walk, which would otherwise stall every workflow on the instance.
 */
export async function redactAnswer(value: unknown, secrets: string[], { now = Date.now, pause = async () => await sleep(0) } = {}): Promise<unknown> {
	if (typeof value === 'string') return redactSecrets(value, secrets);
	if (typeof value !== 'object' || value === null) return value;
	const stack: Array<{ node: Record<string, unknown> | unknown[]; depth: number }> = [{ node: value as Record<string, unknown>, depth: 1 }];
	let sliceStart = now();
	let visited = 0;
	while (stack.length > 0) {
		const { node, depth } = stack.pop() as (typeof stack)[number];
		if (depth > MAX_ANSWER_DEPTH) throw new TooDeepError();
		const visit = (entry: unknown): unknown => {
			if (typeof entry === 'string') return redactSecrets(entry, secrets);
			if (typeof entry === 'object' && entry !== null) stack.push({ node: entry as Record<string, unknown>, depth: depth + 1 });
			return entry;
		};
		if (Array.isArray(node)) {
			for (let index = 0; index < node.length; index += 1) node[index] = visit(node[index]);
		} else {
			for (const key of Object.keys(node)) {
				const entry = visit(node[key]);
				const shown = redactSecrets(key, secrets);
				if (shown === key) {
					node[key] = entry;
					continue;
				}
				delete node[key];
				// Defined rather than assigned, so a key "__proto__" stays data.
				Object.defineProperty(node, shown, { value: entry, enumerable: true, writable: true, configurable: true });
			}
		}
		// The clock is read every 64 containers, not every one.
		visited += 1;
		if ((visited & 63) === 0 && now() - sliceStart >= SLICE_MS) {
			await pause();
			sliceStart = now();
		}
	}
	return value;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML character references decoded (`&#97;`, `&#x61;`, `&amp;`…), so that text from an HTML page is redacted as shown. */
export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (whole, name: string) => {
		if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
		const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}
