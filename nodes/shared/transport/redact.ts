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
