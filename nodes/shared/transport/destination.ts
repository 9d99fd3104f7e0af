import { LeanCloudFailure } from '../errors/leanCloudFailure';
import { blockedReason, isLoopbackAddress, parseAddress, urlHostOf } from './addresses';
import { parseUrl } from './parseUrl';

/** Which hosts other than the API Server a credential lets the node reach (downloads, uploads to storage). */
export interface ForeignReach {
	/**
	 * The API Server's host name when the API Server is this machine (the local sandbox): files on that host, on any of
	 * its ports and over plain http, may be fetched, as the sandbox's storage serves them.
	 */
	sandboxHost?: string;
	/** The credential's Allow Private Network Addresses: RFC 1918, CGNAT and IPv6 unique-local hosts may be reached. */
	allowPrivateNetworks: boolean;
}

/** Nothing but public hosts, over https: for a credential that could not be read. */
export const PUBLIC_ONLY: ForeignReach = { allowPrivateNetworks: false };

/** What a credential's API Server and setting allow (see ForeignReach). */
export function reachOf(apiServer: string | undefined, allowPrivateNetworks: boolean): ForeignReach {
	const hostname = apiServer ? parseUrl(apiServer)?.hostname : undefined;
	const bytes = hostname ? parseAddress(hostname) : undefined;
	const local = hostname === 'localhost' || (bytes !== undefined && isLoopbackAddress(bytes));
	return { sandboxHost: local ? hostname : undefined, allowPrivateNetworks };
}

/** Answers every address a host name has (as n8n's own egress does: `lookup(name, { all: true })`). */
export type Resolver = (hostname: string) => Promise<string[]>;

type LookupCallback = (error: Error | null, addresses: Array<{ address: string }> | string) => void;
interface EgressFilter {
	createSecureLookup(): (hostname: string, options: { all: true }, callback: LookupCallback) => void;
}

/**
 * The resolver n8n gives nodes (n8n 2.x `helpers.getSecureEgressFilter()`: the system resolver, with the instance's own
 * SSRF rules when N8N_SSRF_PROTECTION_ENABLED is set); undefined on n8n versions that give none.
 */
export function resolverOf(helpers: object): Resolver | undefined {
	const egress = (helpers as { getSecureEgressFilter?: () => EgressFilter }).getSecureEgressFilter;
	if (typeof egress !== 'function') return undefined;
	const lookup = egress.call(helpers).createSecureLookup();
	return async (hostname) =>
		await new Promise<string[]>((resolve, reject) =>
			lookup(hostname, { all: true }, (error, addresses) => {
				if (error) reject(error);
				else resolve(typeof addresses === 'string' ? [addresses] : addresses.map((entry) => entry.address));
			}),
		);
}

/** Where a request to another host goes: the address that was checked, and the name the host is asked for. */
export interface Destination {
	/** The URL with its host replaced by the checked address, so no second lookup can choose another. */
	url: string;
	/** `Host`, when the URL's host was replaced. */
	headers: Record<string, string>;
	/** The name TLS checks the certificate against, when the URL's host was replaced. */
	servername?: string;
}

const PRIVATE_HINT = 'n8n fetches files only from public hosts. If this is your own storage on a private network, turn on Allow Private Network Addresses in the LeanCloud IM API credential.';

/**
 * Checks where a request to a host other than the API Server would connect, before anything is sent: https only (plain
 * http to the sandbox's host only), no user name or password, and an address on the public internet, judged on the
 * address itself, in whatever notation the URL gives it, or for a name on every address it resolves to. The request
 * then goes to the checked address (the name kept for `Host` and TLS), so a name cannot answer differently between
 * the check and the connection. Throws, naming the host and why, when the request may not go.
 */
export async function destinationOf(text: string, reach: ForeignReach, resolver: Resolver | undefined, source: string): Promise<Destination> {
	const refuse = (why: string, hint?: string): never => {
		throw new LeanCloudFailure(why, { source, hint });
	};
	const url = parseUrl(text) ?? refuse('The address is not a valid URL');
	if (url.username || url.password) refuse('The address must not contain a user name or password');
	const hostname = url.hostname;
	const sandbox = reach.sandboxHost !== undefined && hostname === reach.sandboxHost;
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && sandbox)) refuse(`The address must use https:// (got ${url.protocol.slice(0, 20)})`);
	if (sandbox) return { url: url.href, headers: {} };

	const literal = parseAddress(hostname);
	if (literal) {
		const reason = blockedReason(literal, reach.allowPrivateNetworks);
		if (reason) refuse(`Refused to reach ${hostname}: it is ${reason}`, PRIVATE_HINT);
		return { url: url.href, headers: {} };
	}
	const name = hostname.replace(/\.$/, '');
	if (name === 'localhost' || name.endsWith('.localhost')) refuse(`Refused to reach ${hostname}: the name means this machine (loopback)`, PRIVATE_HINT);
	if (!resolver) {
		refuse(
			`Refused to reach ${hostname}: this n8n version gives nodes no way to check which address a name resolves to before connecting`,
			'Update n8n to 2.x, where the node checks every file host\'s address.',
		);
	}
	let answers: string[];
	try {
		answers = await (resolver as Resolver)(name);
	} catch (error) {
		const code = (error as { code?: unknown }).code;
		return refuse(`The host ${hostname} could not be resolved${typeof code === 'string' ? ` (${code})` : ''}`);
	}
	if (answers.length === 0) refuse(`The host ${hostname} could not be resolved (no address)`);
	const addresses = answers.map((answer) => {
		const bytes = parseAddress(answer) ?? refuse(`The host ${hostname} resolved to "${answer.slice(0, 60)}", which is not an IP address`);
		const reason = blockedReason(bytes, reach.allowPrivateNetworks);
		if (reason) refuse(`Refused to reach ${hostname}: it resolves to ${answer}, ${reason}`, PRIVATE_HINT);
		return bytes;
	});
	const pinned = new URL(url.href);
	pinned.hostname = urlHostOf(addresses[0]);
	return { url: pinned.href, headers: { Host: url.host }, servername: name };
}
