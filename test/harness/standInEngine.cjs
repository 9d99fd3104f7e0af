'use strict';
// A stand-in LeanEngine app (what the sandbox calls hooks on) and a stand-in service-callback receiver, for the
// sandbox's hook tests. Plain node:http in a .cjs: the scanner's rules keep http and timers out of .ts files.
const http = require('node:http');

/** @param {http.Server} server */
const listen = (server) =>
	new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`)));

/**
 * @param {http.IncomingMessage} req
 * @returns {Promise<string>}
 */
const readText = (req) =>
	new Promise((resolve) => {
		let text = '';
		req.on('data', (chunk) => (text += chunk));
		req.on('end', () => resolve(text));
	});

async function startStandIns() {
	const state = {
		/** @type {Array<{ path: string, headers: http.IncomingHttpHeaders, body: any }>} */
		engineCalls: [],
		/** @type {string[]} the hooks the app says it defines */
		defined: /** @type {string[]} */ ([]),
		/** @type {(hook: string, params: any) => { status?: number, result?: unknown, delayMs?: number }} */
		answer: (/** @type {string} */ _hook, /** @type {any} */ _params) => ({ result: {} }),
		/** @type {unknown[]} */
		callbackBodies: [],
		callbackStatus: 200,
	};
	const engine = http.createServer(async (req, res) => {
		const text = await readText(req);
		const path = req.url ?? '';
		if (path === '/1.1/functions/_ops/metadatas') return void res.end(JSON.stringify({ result: state.defined }));
		const body = text ? JSON.parse(text) : {};
		state.engineCalls.push({ path, headers: req.headers, body });
		const { status = 200, result = {}, delayMs = 0 } = state.answer(path.replace('/1.1/functions/', ''), body);
		const send = () => {
			res.statusCode = status;
			res.end(JSON.stringify(status === 200 ? { result } : { code: 1, error: 'failed' }));
		};
		if (delayMs) setTimeout(send, delayMs);
		else send();
	});
	const callback = http.createServer(async (req, res) => {
		state.callbackBodies.push(JSON.parse(await readText(req)));
		res.statusCode = state.callbackStatus;
		res.end('{}');
	});
	const engineUrl = /** @type {string} */ (await listen(engine));
	const callbackUrl = /** @type {string} */ (await listen(callback));
	return {
		state,
		engineUrl,
		callbackUrl,
		async close() {
			engine.closeAllConnections();
			callback.closeAllConnections();
			await Promise.all([new Promise((resolve) => engine.close(resolve)), new Promise((resolve) => callback.close(resolve))]);
		},
	};
}

module.exports = { startStandIns };
