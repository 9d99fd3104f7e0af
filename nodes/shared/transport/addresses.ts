/**
 * Which IP addresses a file host may have. Addresses are compared as bytes, so every notation a URL parser or a
 * resolver can produce (`2130706433`, `0x7f.1`, `127.1`, `[::ffff:7f00:1]`, `[::127.0.0.1]`) is judged by what it is.
 */

/** An address as its bytes: 4 for IPv4, 16 for IPv6. */
export type AddressBytes = number[];

/** A dotted IPv4 address in the normal form (four decimal parts), as `new URL()` and resolvers write it. */
function parseIpv4(text: string): AddressBytes | undefined {
	const parts = text.split('.');
	if (parts.length !== 4 || parts.some((part) => !/^\d{1,3}$/.test(part) || Number(part) > 255)) return undefined;
	return parts.map(Number);
}

/** An IPv6 address (without brackets), `::` and a dotted IPv4 tail included; a zone (`%eth0`) is not an address of its own. */
function parseIpv6(text: string): AddressBytes | undefined {
	const address = text.split('%')[0];
	if (!/^[0-9a-f:.]+$/i.test(address) || (address.match(/::/g) ?? []).length > 1) return undefined;
	let groups: string[];
	let tail: AddressBytes = [];
	let head = address;
	if (address.includes('.')) {
		// A dotted IPv4 tail stands for the last two groups: `::ffff:1.2.3.4`, `::1.2.3.4`, `1:2:3:4:5:6:1.2.3.4`.
		const lastColon = address.lastIndexOf(':');
		const v4 = parseIpv4(address.slice(lastColon + 1));
		if (!v4) return undefined;
		tail = v4;
		head = address.slice(0, lastColon + 1);
		if (!head.endsWith('::')) head = head.slice(0, -1);
	}
	const wanted = 8 - tail.length / 2;
	if (head.includes('::')) {
		const [left, right] = head.split('::');
		const leftGroups = left ? left.split(':') : [];
		const rightGroups = right ? right.split(':') : [];
		const missing = wanted - leftGroups.length - rightGroups.length;
		if (missing < 1) return undefined;
		groups = [...leftGroups, ...new Array<string>(missing).fill('0'), ...rightGroups];
	} else {
		groups = head === '' ? [] : head.split(':');
	}
	if (groups.length !== wanted || groups.some((group) => !/^[0-9a-f]{1,4}$/i.test(group))) return undefined;
	const bytes: AddressBytes = [];
	for (const group of groups) {
		const value = parseInt(group, 16);
		bytes.push(value >> 8, value & 0xff);
	}
	return [...bytes, ...tail];
}

/** The bytes of an IP address written as a URL host (IPv6 in brackets) or as a resolver answers; undefined for a name. */
export function parseAddress(text: string): AddressBytes | undefined {
	const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
	return parseIpv4(bare) ?? (bare.includes(':') ? parseIpv6(bare) : undefined);
}

/** A range: the first bytes that must match, and how many bits of them count. */
interface Range {
	prefix: AddressBytes;
	bits: number;
	reason: string;
	/** Ranges a credential may open for self-hosted storage (Allow Private Network Addresses). */
	privateNetwork?: boolean;
}

const inRange = (bytes: AddressBytes, { prefix, bits }: Range) => {
	for (let bit = 0; bit < bits; bit += 8) {
		const mask = bits - bit >= 8 ? 0xff : (0xff << (8 - (bits - bit))) & 0xff;
		if (((bytes[bit / 8] ?? 0) & mask) !== (prefix[bit / 8] ?? 0)) return false;
	}
	return true;
};

/** IPv4 space that is not the public internet (IANA's special-purpose registry; RFC 1918, 6598, 3927, 5737, 2544, 1112). */
const IPV4_RANGES: Range[] = [
	{ prefix: [0], bits: 8, reason: 'an unspecified address (0.0.0.0/8)' },
	{ prefix: [10], bits: 8, reason: 'a private address (10.0.0.0/8, RFC 1918)', privateNetwork: true },
	{ prefix: [100, 64], bits: 10, reason: 'a shared (CGNAT) address (100.64.0.0/10)', privateNetwork: true },
	{ prefix: [127], bits: 8, reason: 'a loopback address (127.0.0.0/8): this machine' },
	{ prefix: [169, 254], bits: 16, reason: 'a link-local address (169.254.0.0/16, where cloud metadata services answer)' },
	{ prefix: [172, 16], bits: 12, reason: 'a private address (172.16.0.0/12, RFC 1918)', privateNetwork: true },
	{ prefix: [192, 0, 0], bits: 24, reason: 'an IETF protocol address (192.0.0.0/24)' },
	{ prefix: [192, 0, 2], bits: 24, reason: 'a documentation address (192.0.2.0/24)' },
	{ prefix: [192, 168], bits: 16, reason: 'a private address (192.168.0.0/16, RFC 1918)', privateNetwork: true },
	{ prefix: [198, 18], bits: 15, reason: 'a benchmarking address (198.18.0.0/15)' },
	{ prefix: [198, 51, 100], bits: 24, reason: 'a documentation address (198.51.100.0/24)' },
	{ prefix: [203, 0, 113], bits: 24, reason: 'a documentation address (203.0.113.0/24)' },
	{ prefix: [224], bits: 4, reason: 'a multicast address (224.0.0.0/4)' },
	{ prefix: [240], bits: 4, reason: 'a reserved or broadcast address (240.0.0.0/4)' },
];

/** IPv6 space that is not the public internet; the forms that carry an IPv4 address are judged by that address. */
const IPV6_RANGES: Range[] = [
	{ prefix: [0x01, 0x00, 0, 0, 0, 0, 0, 0], bits: 64, reason: 'a discard-only IPv6 address (100::/64)' },
	{ prefix: [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01], bits: 48, reason: 'a local-use NAT64 address (64:ff9b:1::/48)' },
	{ prefix: [0x20, 0x01, 0x00, 0x00], bits: 32, reason: 'a Teredo tunnel address (2001::/32)' },
	{ prefix: [0x20, 0x01, 0x0d, 0xb8], bits: 32, reason: 'a documentation address (2001:db8::/32)' },
	{ prefix: [0xfc], bits: 7, reason: 'a unique-local IPv6 address (fc00::/7)', privateNetwork: true },
	{ prefix: [0xfe, 0x80], bits: 10, reason: 'a link-local IPv6 address (fe80::/10)' },
	{ prefix: [0xfe, 0xc0], bits: 10, reason: 'a site-local IPv6 address (fec0::/10)' },
	{ prefix: [0xff], bits: 8, reason: 'a multicast IPv6 address (ff00::/8)' },
];

/** The IPv4 address an IPv6 address carries, and in which form: mapped, compatible, NAT64 or 6to4. */
function embeddedIpv4(bytes: AddressBytes): { v4: AddressBytes; form: string } | undefined {
	const zeros = (from: number, to: number) => bytes.slice(from, to).every((byte) => byte === 0);
	if (zeros(0, 10) && bytes[10] === 0xff && bytes[11] === 0xff) return { v4: bytes.slice(12), form: 'an IPv4-mapped' };
	if (zeros(0, 12)) return { v4: bytes.slice(12), form: 'an IPv4-compatible' };
	if (bytes[0] === 0x00 && bytes[1] === 0x64 && bytes[2] === 0xff && bytes[3] === 0x9b && zeros(4, 12)) return { v4: bytes.slice(12), form: 'a NAT64' };
	if (bytes[0] === 0x20 && bytes[1] === 0x02) return { v4: bytes.slice(2, 6), form: 'a 6to4' };
	return undefined;
}

function ipv4Reason(bytes: AddressBytes, allowPrivateNetworks: boolean): string | undefined {
	const range = IPV4_RANGES.find((candidate) => inRange(bytes, candidate));
	return range && !(allowPrivateNetworks && range.privateNetwork) ? range.reason : undefined;
}

/**
 * Why a file host may not be reached at this address, or undefined when it may: every address that is not the public
 * internet is refused (loopback, private, link-local, CGNAT, multicast, unspecified, reserved and documentation
 * ranges, IPv6 unique-local and link-local, and the IPv6 forms of any of those). `allowPrivateNetworks` opens only the
 * private ranges (RFC 1918, CGNAT, IPv6 unique-local), for self-hosted storage; loopback and link-local stay closed.
 */
export function blockedReason(bytes: AddressBytes, allowPrivateNetworks = false): string | undefined {
	if (bytes.length === 4) return ipv4Reason(bytes, allowPrivateNetworks);
	if (bytes.every((byte) => byte === 0)) return 'the unspecified IPv6 address (::)';
	if (bytes.slice(0, 15).every((byte) => byte === 0) && bytes[15] === 1) return 'the loopback IPv6 address (::1): this machine';
	const embedded = embeddedIpv4(bytes);
	if (embedded) {
		const reason = ipv4Reason(embedded.v4, allowPrivateNetworks);
		if (reason) return `${embedded.form} form of ${reason}`;
		// The IPv4-compatible form is deprecated and no host is reached through it.
		if (embedded.form === 'an IPv4-compatible') return 'an IPv4-compatible IPv6 address (::/96, deprecated)';
		return undefined;
	}
	const range = IPV6_RANGES.find((candidate) => inRange(bytes, candidate));
	return range && !(allowPrivateNetworks && range.privateNetwork) ? range.reason : undefined;
}

/** Whether the address is loopback, in any notation (127.0.0.0/8, ::1, or their IPv6 forms). */
export function isLoopbackAddress(bytes: AddressBytes): boolean {
	const v4 = bytes.length === 4 ? bytes : embeddedIpv4(bytes)?.v4;
	if (v4) return v4[0] === 127;
	return bytes.slice(0, 15).every((byte) => byte === 0) && bytes[15] === 1;
}

/** The address as a URL host: IPv4 dotted, IPv6 in brackets. */
export function urlHostOf(bytes: AddressBytes): string {
	if (bytes.length === 4) return bytes.join('.');
	const groups: string[] = [];
	for (let index = 0; index < 16; index += 2) groups.push(((bytes[index] << 8) | bytes[index + 1]).toString(16));
	return `[${groups.join(':')}]`;
}
