// Misbehaving HTTP servers on 127.0.0.1 for the security tests: real sockets, because what is tested is
// what n8n's HTTP helper does on the wire (redirects, endless or trickling bodies). Each server records the
// requests it received, headers included. A .cjs file: test TypeScript may not use Node's timers or http.
const http = require('node:http');

/**
 * Starts a server whose answers come from `respond(req, res, body)`; resolves with its base URL, the
 * requests it received and close(). Open responses are ended on close, so no test leaves a socket behind.
 */
/**
 * @param {Parameters<typeof import('./hostile.cjs').startServer>[0]} respond
 * @param {string} [host]
 * @returns {Promise<import('./hostile.cjs').HostileServer>}
 */
async function startServer(respond, host = '127.0.0.1') {
	/** @type {import('./hostile.cjs').RecordedRequest[]} */
	const requests = [];
	/** @type {Set<import('node:net').Socket>} */
	const sockets = new Set();
	/** @type {Set<NodeJS.Timeout>} */
	const timers = new Set();
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
			respond(req, res, body, { every: (ms, fn) => timers.add(setInterval(fn, ms)) });
		});
	});
	const counts = { connections: 0 };
	server.on('connection', (socket) => {
		counts.connections += 1;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise((resolve) => server.listen(0, host, () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://${host}:${port}`,
		port,
		requests,
		get connections() {
			return counts.connections;
		},
		close: () =>
			new Promise((resolve) => {
				for (const timer of timers) clearInterval(timer);
				for (const socket of sockets) socket.destroy();
				server.close(() => resolve());
			}),
	};
}

/** Answers every request with a redirect to `target` (a full URL). */
/**
 * @param {number} status
 * @param {string} target
 */
function redirectingServer(status, target) {
	return startServer((req, res) => {
		res.writeHead(status, { Location: `${target}${req.url}` });
		res.end();
	});
}

/** Answers 200 with a JSON-looking body that never ends: `chunkBytes` every `everyMs`. */
/** @param {{ chunkBytes: number, everyMs: number }} options */
function endlessServer({ chunkBytes, everyMs }) {
	return startServer((req, res, _body, { every }) => {
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.write('{"results": ["');
		const chunk = 'x'.repeat(chunkBytes);
		every(everyMs, () => {
			if (!res.destroyed) res.write(chunk);
		});
	});
}

module.exports = { endlessServer, redirectingServer, startServer };
