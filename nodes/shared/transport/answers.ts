import { sleep, type IDataObject } from 'n8n-workflow';

import { LeanCloudFailure } from '../errors/leanCloudFailure';
import { settle } from '../errors/settle';
import { decodeEntities, redactAnswer, redactSecrets, TooDeepError } from './redact';

/** Longest Retry-After honoured: timers overflow past 2^31 - 1 ms. */
const MAX_RETRY_AFTER_MS = 2 ** 31 - 1;
/** Answers longer than this (about a millisecond to parse) let the event loop turn around their parse. */
const LARGE_ANSWER_CHARS = 256 * 1024;
/** Only this much of a server's error text is looked at and shown. */
const MAX_EXCERPT_INPUT = 2_000;

/**
 * The text of a non-JSON body without markup, decoded as a browser would show it, redacted of the keys, and
 * shortened for an error message (after redaction, so no key is half shown). Linear time whatever the input.
 */
export function excerptOf(text: string, secrets: string[]): string {
	const shown = decodeEntities(text.slice(0, MAX_EXCERPT_INPUT).replace(/<[^<>]*>/g, ' '))
		.replace(/\s+/g, ' ')
		.trim();
	return redactSecrets(shown, secrets, { errorText: true }).slice(0, 120);
}

/** JSON when the body is JSON, else the text itself; an empty body is an empty object. */
export function parseBody(text: string): unknown {
	if (text.trim() === '') return {};
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export function headerValue(headers: IDataObject | undefined, name: string): string | undefined {
	const value = headers?.[name] ?? headers?.[name.toLowerCase()];
	return value === undefined || value === null ? undefined : String(value);
}

/**
 * Retry-After as milliseconds (delay-seconds or an HTTP date), clamped to what a timer can wait. A date already past
 * means now (0: clocks differ, and HTTP dates have whole seconds); undefined when unusable (absent, not a number or
 * a date, or negative), so callers fall back to their own rule.
 */
export function retryAfterMs(headers: IDataObject | undefined, now = Date.now()): number | undefined {
	const value = headers?.['retry-after'] ?? headers?.['Retry-After'];
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return seconds < 0 ? undefined : Math.min(MAX_RETRY_AFTER_MS, seconds * 1000);
	const date = Date.parse(String(value));
	return Number.isFinite(date) ? Math.min(MAX_RETRY_AFTER_MS, Math.max(0, date - now)) : undefined;
}

/** A 3xx: never followed, reported naming the target host (or path, redacted) without echoing the whole Location. */
export function redirectFailure(status: number, headers: IDataObject | undefined, secrets: string[]): LeanCloudFailure {
	const location = headerValue(headers, 'location') ?? '';
	let target = 'another address';
	try {
		const url = new URL(location, 'https://api-server.invalid');
		const shown = url.hostname === 'api-server.invalid' ? `another path (${decodeURIComponentSafe(url.pathname)})` : `host ${url.host}`;
		target = redactSecrets(shown, secrets, { errorText: true }).slice(0, 120);
	} catch {
		// an unparseable Location: say so without echoing it
	}
	return new LeanCloudFailure(`The API Server answered with a redirect (HTTP ${status}) to ${target}, which is not followed`, {
		status,
		hint:
			'Redirects are never followed: they would carry the key or its signature to another host. Put the final https:// address of your app\'s REST API domain in the credential\'s API Server.',
	});
}

/** Percent-decoding that never throws (a malformed sequence stays as it is). */
function decodeURIComponentSafe(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/**
 * An error status: LeanCloud's `code` and `error` when the body has them, else the status and a short excerpt; what
 * the server says is redacted as decoded (JSON escapes and HTML entities cannot hide a key).
 */
export function failureFromResponse(status: number, headers: IDataObject | undefined, text: string, secrets: string[]): LeanCloudFailure {
	const body = parseBody(text);
	const retryAfter = retryAfterMs(headers);
	if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
		const { code, error } = body as IDataObject;
		if (typeof code === 'number' || typeof error === 'string') {
			const errorText = typeof error === 'string' ? redactSecrets(error.slice(0, 2_000), secrets, { errorText: true }).slice(0, 500) : undefined;
			return new LeanCloudFailure(errorText ?? `HTTP ${status}`, {
				status,
				code: typeof code === 'number' ? code : undefined,
				error: errorText,
				retryAfterMs: retryAfter,
			});
		}
	}
	// Gateways and proxies answer with HTML or empty bodies: report the status and a short, safe excerpt.
	const excerpt = typeof body === 'string' ? excerptOf(body, secrets) : '';
	return new LeanCloudFailure(excerpt || `HTTP ${status}`, { status, retryAfterMs: retryAfter });
}

/**
 * A 2xx body: JSON with every string redacted as decoded, or a failure (LeanCloud always answers JSON; a proxy page or
 * a cut-off body is not a result). Nesting no LeanCloud answer has is refused before anything else walks it.
 */
export async function successBody(status: number, text: string, secrets: string[]): Promise<unknown> {
	// Decoding the bytes and parsing them are the two steps that cannot pause: for a large answer the event loop turns
	// before and after the parse, so neither adds to the other (nor to the redaction walk's first slice). Small answers,
	// nearly all of them, parse in microseconds and do not pay for a timer's turn (a millisecond each).
	const large = text.length > LARGE_ANSWER_CHARS;
	if (large) await sleep(0);
	const body = parseBody(text);
	if (typeof body === 'string') throw new LeanCloudFailure(`The response is not JSON (${excerptOf(body, secrets) || 'empty'})`, { status });
	if (large) await sleep(0);
	const redacted = await settle(redactAnswer(body, secrets));
	if (redacted.ok) return redacted.value;
	if (!(redacted.error instanceof TooDeepError)) throw redacted.error;
	throw new LeanCloudFailure(redacted.error.message, {
		status,
		hint: 'LeanCloud\'s answers are a few levels deep. Check that API Server is your app\'s REST API domain.',
	});
}

export function timeoutFailure(timeoutMs: number): LeanCloudFailure {
	return new LeanCloudFailure(`No complete answer within the timeout (${timeoutMs / 1000} s)`, {
		networkCode: 'ETIMEDOUT',
		hint: 'Check API Server in the credential and that this n8n instance can reach it, or raise Options > Timeout.',
	});
}

/** No response arrived: the network's code (shown in the error's brackets), nothing else of the request. */
export function networkFailure(error: unknown): LeanCloudFailure {
	const cause = (error as { cause?: unknown }).cause ?? error;
	const networkCode = (cause as { code?: unknown }).code;
	return new LeanCloudFailure('The request failed before a response arrived', { networkCode: typeof networkCode === 'string' ? networkCode : undefined });
}
