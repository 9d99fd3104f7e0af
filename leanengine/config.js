'use strict';
// The forwarder's settings, read from the environment (LeanEngine's console: Settings > Environment variables), and
// the rules they must meet: a bad setting stops the app at start, naming it, rather than forwarding unsafely.

const { HOOKS, NEVER_FORWARDED } = require('./hooks');

/** The default time a blocking hook waits for n8n: half of LeanEngine's 3 s for hooks, leaving room for the rest. */
const DEFAULT_BUDGET_MS = 1500;
/** Never as long as LeanEngine's own 3 s: past that the IM server has given up and the answer is wasted. */
const MAX_BUDGET_MS = 2500;
const MIN_SECRET_LENGTH = 16;
/** A secret needs this many different characters too: 16 spaces, or "abababab…", are guessed, not kept. */
const MIN_SECRET_DISTINCT = 8;

class ConfigError extends Error {}

/** @param {URL} url */
const isLoopback = (url) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/**
 * @param {string} text
 * @param {string} name
 */
function parseUrl(text, name) {
	let url;
	try {
		url = new URL(text);
	} catch {
		throw new ConfigError(`${name} is not a URL: "${text}"`);
	}
	// The body holds users' messages and the signature: only over HTTPS, except to this machine (npm run dev).
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) throw new ConfigError(`${name} must be an https:// URL (n8n's production webhook URL)`);
	// fetch refuses a URL with credentials in it: every call would fail, and fail-open would deliver everything.
	if (url.username || url.password || /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(text.trim())) throw new ConfigError(`${name} must not contain a user name or password (user:pass@)`);
	return url;
}

/**
 * What is wrong with a secret, if anything: the rule n8n's LeanCloud IM Hook credential states (and its trigger
 * enforces): at least 16 characters, at least 8 of them different.
 * @param {string} name
 * @param {string | undefined} value
 */
function secretProblem(name, value) {
	if (!value || value.trim() === '') return `${name} is empty`;
	if (value.length < MIN_SECRET_LENGTH) return `${name} must be at least ${MIN_SECRET_LENGTH} characters`;
	if (new Set(value).size < MIN_SECRET_DISTINCT) return `${name} must have at least ${MIN_SECRET_DISTINCT} different characters (it is easy to guess)`;
	return undefined;
}

/**
 * Reads the forwarder's settings from the environment (LeanEngine's console: Settings > Environment variables).
 * @param {Record<string, string | undefined>} env
 */
function loadConfig(env) {
	const secret = env.N8N_HOOK_SECRET ?? '';
	const problem = secretProblem('N8N_HOOK_SECRET', secret);
	if (problem) throw new ConfigError(`${problem} (the Shared Secret of n8n's "LeanCloud IM Hook" credential; e.g. from "openssl rand -hex 32")`);
	// Without a hook key the LeanEngine SDK lets anyone holding the app's public App Key call the hook functions, and
	// the forwarder would sign what they send. LeanEngine sets it; locally, npm run dev sets the sandbox's.
	if (!env.LEANCLOUD_APP_HOOK_KEY) throw new ConfigError('LEANCLOUD_APP_HOOK_KEY is not set: without it anyone with the public App Key could call the hook functions. LeanEngine sets it in its instances; run the forwarder there (or set it to your app\'s hook key).');
	const defaultUrl = env.N8N_HOOK_URL ? parseUrl(env.N8N_HOOK_URL, 'N8N_HOOK_URL') : undefined;
	/** @type {Map<string, URL>} */
	const routes = new Map();
	for (const entry of (env.N8N_HOOK_EVENTS ?? '_messageReceived').split(/[\s,]+/).filter(Boolean)) {
		const [hook, ...url] = entry.split('=');
		if (NEVER_FORWARDED.includes(hook)) throw new ConfigError(`${hook} is never forwarded: its parameters hold the user's session token`);
		if (!Object.prototype.hasOwnProperty.call(HOOKS, hook)) throw new ConfigError(`N8N_HOOK_EVENTS: unknown hook "${hook}" (one of ${Object.keys(HOOKS).join(', ')})`);
		const target = url.length ? parseUrl(url.join('='), `The URL for ${hook}`) : defaultUrl;
		if (!target) throw new ConfigError(`No n8n URL for ${hook}: set N8N_HOOK_URL, or write ${hook}=<url> in N8N_HOOK_EVENTS`);
		routes.set(hook, target);
	}
	const budgetMs = env.N8N_HOOK_BUDGET_MS === undefined || env.N8N_HOOK_BUDGET_MS === '' ? DEFAULT_BUDGET_MS : Number(env.N8N_HOOK_BUDGET_MS);
	if (!Number.isInteger(budgetMs) || budgetMs < 50 || budgetMs > MAX_BUDGET_MS) throw new ConfigError(`N8N_HOOK_BUDGET_MS must be a whole number of milliseconds from 50 to ${MAX_BUDGET_MS}`);
	const onFailure = env.N8N_HOOK_ON_FAILURE || 'deliver';
	if (onFailure !== 'deliver' && onFailure !== 'refuse') throw new ConfigError('N8N_HOOK_ON_FAILURE must be "deliver" (fail-open, the default) or "refuse" (fail-closed)');
	return { secret, routes, budgetMs, onFailure };
}

module.exports = { loadConfig, secretProblem, ConfigError, DEFAULT_BUDGET_MS };
