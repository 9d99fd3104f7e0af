// The resolver tests use instead of the network's. n8n's `getSecureEgressFilter().createSecureLookup()` hands the node
// `dns.lookup`, which test/setup/nock.ts replaces with `fakeLookup` for every test file. A name answers what a test
// told it (`answerName`), else a public address made from the name, so nock scopes can stand at that address (see
// fileHosts.ts); nothing ever asks a DNS server. Addresses and `localhost` (servers listening on this machine) go to
// the system as before. A .cjs file: test TypeScript may not import Node's dns or net, nor use its timers.
const dns = require('node:dns');
const { isIP } = require('node:net');

/** @type {Map<string, string[] | (() => string[])>} */
const answers = new Map();
/** @type {string[]} */
const lookups = [];
const realLookup = dns.lookup;

/** @param {string} name */
function publicAddressOf(name) {
	let hash = 0;
	for (const character of name) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
	return `93.184.216.${1 + (hash % 250)}`;
}

/**
 * @param {string} name
 * @param {string[] | (() => string[])} answer
 */
function answerName(name, answer) {
	answers.set(name, answer);
}

function resetNames() {
	answers.clear();
	lookups.length = 0;
}

/**
 * @param {string} hostname
 * @param {unknown} options
 * @param {Function} [callback]
 */
function fakeLookup(hostname, options, callback) {
	if ((hostname === 'localhost' || isIP(hostname) !== 0) && !answers.has(hostname)) {
		/** @type {Function} */ (realLookup)(hostname, options, callback);
		return;
	}
	const done = /** @type {Function} */ (typeof options === 'function' ? options : callback);
	lookups.push(hostname);
	const answer = answers.get(hostname);
	const addresses = typeof answer === 'function' ? answer() : (answer ?? [publicAddressOf(hostname)]);
	if (addresses.length === 0) {
		setImmediate(() => done(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []));
		return;
	}
	const entries = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
	const all = typeof options === 'object' && options !== null && /** @type {{ all?: boolean }} */ (options).all === true;
	setImmediate(() => (all ? done(null, entries) : done(null, entries[0].address, entries[0].family)));
}

/** Replaces the system resolver for this test file; returns how to put it back. */
function installFakeLookup() {
	dns.lookup = /** @type {typeof dns.lookup} */ (/** @type {unknown} */ (fakeLookup));
	return () => {
		dns.lookup = realLookup;
	};
}

module.exports = { answerName, resetNames, lookups, publicAddressOf, installFakeLookup, hasAnswer: (/** @type {string} */ name) => answers.has(name) };
