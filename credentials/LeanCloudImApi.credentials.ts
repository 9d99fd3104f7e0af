import { createHash } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

/**
 * The node tells this credential which key a request needs through this header; `authenticate` removes it
 * before the request leaves n8n. Requests that do not carry it (the credential test, the HTTP Request node)
 * use the Master Key when one is set, else the App Key.
 */
export const ROLE_HEADER = 'x-n8n-leancloud-role';
export type KeyRole = 'master' | 'app';

// Stored under TDS's names for the same values (Client Token = App Key, Server Secret = Master Key); the
// fields are labelled with LeanCloud's names (README's credential table gives both).
export const APP_KEY_FIELD = 'clientToken';
export const MASTER_KEY_FIELD = 'serverSecret';

/** `X-LC-Sign` value: lowercase hex md5 of timestamp + key, then the timestamp, then `master` for the master key. */
export function leanCloudSignature(key: string, timestamp: string, master: boolean): string {
	const sign = createHash('md5').update(timestamp + key).digest('hex');
	return master ? `${sign},${timestamp},master` : `${sign},${timestamp}`;
}

/** A credential whose API Server cannot be used; the message says what is wrong and how to fix it. */
export class ApiServerError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ApiServerError';
	}
}

/** Hosts reached over plain HTTP: this machine only (the local sandbox). LeanCloud and TDS domains are HTTPS-only. */
function isLoopback(hostname: string): boolean {
	return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * What is wrong with a host name the URL parser accepted but no server can have (`host..`, `a,b.example.com`),
 * if anything. IP addresses (v4, and v6 in brackets) are fine.
 */
function hostNameProblem(hostname: string): string | undefined {
	if (/^\[[0-9a-f:.]+\]$/i.test(hostname) || /^\d{1,3}(\.\d{1,3}){3}$/.test(hostname)) return undefined;
	if (hostname.length > 253) return 'a host name longer than 253 characters';
	const labels = hostname.split('.');
	if (labels.some((label) => label === '')) return 'an empty part in its host name (two dots in a row, or a dot at an end)';
	const bad = labels.find((label) => !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(label));
	return bad === undefined ? undefined : `"${bad.slice(0, 40)}" in its host name, which allows only letters, digits and inner hyphens`;
}

/**
 * The base URL every request goes to, from the API Server field. Accepts `abc.example.com`,
 * `https://abc.example.com/` or, for this machine only, `http://127.0.0.1:3000`; refuses anything that would
 * send the keys elsewhere or change the request: plain HTTP to another host, a user name or password, a
 * query, a fragment, or a path (LeanCloud documents none; requests add `/1.2/rtm/...` themselves).
 */
export function normaliseApiServer(value: string): string {
	const trimmed = value.trim();
	const fix = 'Set API Server in the LeanCloud IM API credential to your app\'s REST API domain, e.g. https://abc.example.com';
	if (!trimmed) throw new ApiServerError(`API Server is empty. ${fix}.`);
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		throw new ApiServerError(`API Server "${trimmed}" is not a valid address. ${fix}.`);
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
		throw new ApiServerError(
			`API Server must use https:// (LeanCloud and TDS API domains are HTTPS-only); plain http:// is accepted only for this machine (localhost, 127.0.0.1), e.g. the local sandbox. ${fix}.`,
		);
	}
	// An empty user name (`https://@host`) parses as no user name at all: the raw text says whether there was one.
	const authority = withScheme.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0];
	if (url.username || url.password || authority.includes('@')) throw new ApiServerError(`API Server must not contain a user name or password (user@host). ${fix}.`);
	const hostProblem = hostNameProblem(url.hostname);
	if (hostProblem) throw new ApiServerError(`API Server "${trimmed}" has ${hostProblem}. ${fix}.`);
	if (url.port === '0') throw new ApiServerError(`API Server "${trimmed}" has port 0, which no server listens on. ${fix}.`);
	if (url.search || withScheme.includes('?')) throw new ApiServerError(`API Server must not contain a query (?...). ${fix}.`);
	if (url.hash || withScheme.includes('#')) throw new ApiServerError(`API Server must not contain a fragment (#...). ${fix}.`);
	if (url.pathname.replace(/\/+$/, '') !== '') {
		throw new ApiServerError(`API Server must be the domain only, without a path such as "${url.pathname}": the node adds /1.2/rtm/... itself. ${fix}.`);
	}
	return `${url.protocol}//${url.host}`;
}

/**
 * What a node needs to know about a decrypted credential, without knowing its field names: which keys it
 * holds, its App ID, and its API Server (or why that cannot be used). Never the key values.
 */
export function describeCredential(credentials: ICredentialDataDecryptedObject): {
	hasAppKey: boolean;
	hasMasterKey: boolean;
	appId: string;
	apiServer?: string;
	apiServerProblem?: string;
	allowPrivateNetworks: boolean;
} {
	const summary = {
		hasAppKey: stringField(credentials, APP_KEY_FIELD) !== '',
		hasMasterKey: stringField(credentials, MASTER_KEY_FIELD) !== '',
		appId: stringField(credentials, 'appId'),
		allowPrivateNetworks: credentials.allowPrivateNetworks === true,
	};
	let apiServer: string | undefined;
	let apiServerProblem: string | undefined;
	try {
		apiServer = normaliseApiServer(stringField(credentials, 'apiServer'));
	} catch (error) {
		apiServerProblem = (error as Error).message;
	}
	return { ...summary, apiServer, apiServerProblem };
}

function stringField(credentials: ICredentialDataDecryptedObject, name: string): string {
	const value = credentials[name];
	return typeof value === 'string' ? value.trim() : '';
}

export class LeanCloudImApi implements ICredentialType {
	name = 'leanCloudImApi';

	displayName = 'LeanCloud IM API';

	icon: Icon = { light: 'file:../icons/leancloud-im.svg', dark: 'file:../icons/leancloud-im.dark.svg' };

	documentationUrl = 'https://docs.leancloud.app/sdk/im/guide/rest';

	properties: INodeProperties[] = [
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. FTPdEcG7vLKxNqRxHqJ2rP6n-gzGzoHsz',
			description:
				'LeanCloud console: Settings > App keys > App ID. TDS developer centre: your game > Game Services > App Config, where it is called Client ID.',
		},
		{
			displayName: 'App Key',
			name: APP_KEY_FIELD,
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'LeanCloud console: Settings > App keys > App Key. In TDS it is called Client Token. Only a few operations (e.g. unread counts) accept it; leave empty if you only use admin operations.',
		},
		{
			displayName: 'Master Key',
			name: MASTER_KEY_FIELD,
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'LeanCloud console: Settings > App keys > Master Key. In TDS it is called Server Secret. Needed by almost every IM REST operation; it bypasses all permission checks, so keep it to trusted workflows.',
		},
		{
			displayName: 'API Server',
			name: 'apiServer',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. https://im-api.example.com',
			description:
				'Your app\'s REST API domain. LeanCloud: Settings > Domain binding (or IM > Settings shows the REST base URL). TDS: App Config > Domain Config > API. HTTPS only; a bare host or a trailing slash is fine, a path is not.',
		},
		{
			displayName: 'Sign Requests',
			name: 'signRequests',
			type: 'boolean',
			default: true,
			description:
				'Whether to send an X-LC-Sign signature (md5 of a timestamp and the key) instead of the key itself, so the key never travels over the network',
		},
		{
			displayName: 'Allow Private Network Addresses',
			name: 'allowPrivateNetworks',
			type: 'boolean',
			default: false,
			description:
				'Whether file downloads and uploads may reach hosts on private networks (10.x, 172.16–31.x, 192.168.x, 100.64–127.x, fc00::/7), e.g. storage you host yourself. Off by default: a risk, since file URLs come from any app user\'s messages, and with this on they can make n8n reach those hosts. Loopback and link-local addresses stay refused.',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers = { ...(requestOptions.headers ?? {}) };
		const requested = headers[ROLE_HEADER] as KeyRole | undefined;
		delete headers[ROLE_HEADER];

		const masterKey = stringField(credentials, MASTER_KEY_FIELD);
		const appKey = stringField(credentials, APP_KEY_FIELD);
		const role: KeyRole = requested ?? (masterKey ? 'master' : 'app');
		const key = role === 'master' ? masterKey : appKey;

		headers['X-LC-Id'] = stringField(credentials, 'appId');
		if (credentials.signRequests === false) {
			headers['X-LC-Key'] = role === 'master' ? `${key},master` : key;
		} else {
			headers['X-LC-Sign'] = leanCloudSignature(key, String(Date.now()), role === 'master');
		}

		return {
			...requestOptions,
			baseURL: normaliseApiServer(stringField(credentials, 'apiServer')),
			headers,
			// Redirects would carry the key (or a replayable signature) to whatever host the answer names, and
			// n8n strips only Authorization and Cookie on the way: a 3xx is reported, never followed.
			disableFollowRedirect: true,
		};
	}

	// GET unread-count is the one cheap read that takes either key (README's endpoint table), so it proves the App ID and whichever
	// key authenticate() picks (the Master Key when set). A wrong ID or key answers 401.
	test: ICredentialTestRequest = {
		request: {
			method: 'GET',
			url: '/1.2/rtm/clients/n8n-credential-test/unread-count',
			disableFollowRedirect: true,
		},
	};
}
