import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { APP_KEY_FIELD, MASTER_KEY_FIELD } from '../../../credentials/LeanCloudImApi.credentials';

/** Shorter values are not treated as secrets: replacing them would mangle ordinary text. */
const MIN_SECRET_LENGTH = 6;

/** An `X-LC-Sign` value: md5 hex, timestamp, optional `,master`. */
const SIGNATURE = /[0-9a-f]{32},\d{9,13}(?:,master)?/gi;
/** A bare md5 that could be a signature's hash; redacted from error text only, never from results (file names, hashes in content). */
const BARE_HASH = /\b[0-9a-f]{32}\b/gi;

/** The key values to keep out of anything a server says back. */
export function secretsOf(credentials: ICredentialDataDecryptedObject | undefined): string[] {
	return [credentials?.[MASTER_KEY_FIELD], credentials?.[APP_KEY_FIELD]]
		.map((value) => (typeof value === 'string' ? value.trim() : ''))
		.filter((value) => value.length >= MIN_SECRET_LENGTH);
}

/**
 * Server-supplied text with the keys and any request signature replaced. A server (or a proxy) that echoes
 * request headers would otherwise put the raw key, or a live replayable signature, into an error message,
 * a Continue On Fail item or the execution data.
 */
export function redactSecrets(text: string, secrets: string[], { errorText = false } = {}): string {
	let redacted = text;
	for (const secret of secrets) {
		if (redacted.includes(secret)) redacted = redacted.split(secret).join('[redacted]');
	}
	redacted = redacted.replace(SIGNATURE, '[redacted]');
	return errorText ? redacted.replace(BARE_HASH, '[redacted]') : redacted;
}

/** Every string in a parsed answer (values and keys) redacted: what the user sees is decoded text, so that is what is redacted. */
export function redactDeep(value: unknown, secrets: string[], options: { errorText?: boolean } = {}): unknown {
	if (typeof value === 'string') return redactSecrets(value, secrets, options);
	if (typeof value !== 'object' || value === null) return value;
	if (Array.isArray(value)) return value.map((entry) => redactDeep(entry, secrets, options));
	const copy: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) {
		// Defined rather than assigned, so a key "__proto__" stays data.
		Object.defineProperty(copy, redactSecrets(key, secrets, options), { value: redactDeep(entry, secrets, options), enumerable: true, writable: true, configurable: true });
	}
	return copy;
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
