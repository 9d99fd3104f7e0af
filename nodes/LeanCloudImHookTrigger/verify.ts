import { createHmac, timingSafeEqual } from 'crypto';

import type { ReplayGuard } from './replays';

/** How far a call's timestamp may be from n8n's clock: older calls are replays (or a clock to fix). */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;
/** As the forwarder requires of N8N_HOOK_SECRET (leanengine/forward.js `secretProblem`, the same rule). */
export const MIN_SECRET_LENGTH = 16;
/** A secret needs this many different characters too: 16 spaces, or "abababab…", are guessed, not kept. */
export const MIN_SECRET_DISTINCT = 8;

export type Verdict = { ok: true; hook: string; requestId: string; onFailure: string } | { ok: false; reason: string };

/** Request headers as Node gives them (lower-case names). */
export type Headers = Record<string, string | string[] | undefined>;

const header = (headers: Headers, name: string): string | undefined => {
	const value = headers[name];
	return typeof value === 'string' ? value : undefined;
};

/**
 * Checks a call from the forwarder (leanengine/forward.js): an HMAC-SHA256 with the shared secret over
 * `<timestamp>.<request ID>.<hook>.<raw body>`, a timestamp within ±5 minutes, and a call the replay guard admits
 * (replays.ts). It is asked only once the signature holds, so forged calls cannot fill its memory.
 */
export function verifyCall(headers: Headers, rawBody: Buffer | undefined, secret: string, now: number, replays: ReplayGuard): Verdict {
	const timestamp = header(headers, 'x-lc-im-timestamp');
	const requestId = header(headers, 'x-lc-im-request-id');
	const hook = header(headers, 'x-lc-im-hook');
	const signature = header(headers, 'x-lc-im-signature');
	if (!timestamp || !requestId || !hook || !signature) return { ok: false, reason: 'Unsigned call: the X-LC-IM-* headers of the LeanCloud IM hook forwarder are missing' };
	if (!rawBody) return { ok: false, reason: 'The request body could not be read to check its signature' };
	if (!/^\d{1,16}$/.test(timestamp) || Math.abs(now - Number(timestamp)) > REPLAY_WINDOW_MS)
		return { ok: false, reason: 'The call is older or newer than 5 minutes (a replay, or a clock to set right)' };
	if (!/^[0-9a-f]{16,64}$/.test(requestId) || !/^_[A-Za-z]{1,40}$/.test(hook)) return { ok: false, reason: 'Malformed X-LC-IM-Request-Id or X-LC-IM-Hook' };
	const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${requestId}.${hook}.`).update(rawBody).digest('hex')}`);
	const given = Buffer.from(signature);
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'Bad signature: the call was not signed with this credential\'s Shared Secret, or was changed on the way' };
	const replayed = replays.admit(requestId, Number(timestamp), now);
	if (replayed) return { ok: false, reason: replayed };
	return { ok: true, hook, requestId, onFailure: header(headers, 'x-lc-im-on-failure') === 'refuse' ? 'refuse' : 'deliver' };
}

/**
 * What is wrong with a secret or token, if anything: guessable ones would let anyone call the trigger. At least 16
 * characters, at least 8 of them different, not only spaces.
 */
export function secretProblem(name: string, value: string | undefined, required: boolean): string | undefined {
	if (!value || value.trim() === '') return required ? `${name} is empty` : undefined;
	if (value.length < MIN_SECRET_LENGTH) return `${name} is shorter than ${MIN_SECRET_LENGTH} characters`;
	if (new Set(value).size < MIN_SECRET_DISTINCT) return `${name} has fewer than ${MIN_SECRET_DISTINCT} different characters (it is easy to guess)`;
	return undefined;
}

/** Whether a service-conversation callback's token (in the URL: LeanCloud signs nothing) is the credential's. */
export function tokenMatches(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || expected === '') return false;
	const a = createHmac('sha256', 'token').update(given).digest();
	const b = createHmac('sha256', 'token').update(expected).digest();
	return timingSafeEqual(a, b);
}
