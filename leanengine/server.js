'use strict';
// The LeanEngine entry point (`npm start`): LeanEngine sets the app's keys, the hook key and the port in the
// environment. Locally (`npm run dev` in the n8n package) the same variables point at the LeanCloud IM sandbox.
const http = require('node:http');

const AV = require('leanengine');

AV.init({
	appId: process.env.LEANCLOUD_APP_ID,
	appKey: process.env.LEANCLOUD_APP_KEY,
	masterKey: process.env.LEANCLOUD_APP_MASTER_KEY,
	// LeanEngine sets it; China-region apps need it. Locally, the sandbox's URL.
	serverURL: process.env.LEANCLOUD_API_SERVER,
});

const { config } = require('./cloud');

const routes = AV.express();
const server = http.createServer((req, res) =>
	routes(req, res, () => {
		res.statusCode = 404;
		res.end();
	}),
);
// The IM server reuses its connections: keep them longer than a hook's whole budget.
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.LEANCLOUD_APP_PORT || process.env.PORT || 3000), () => {
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	console.log(`n8n forwarder listening on ${port}: ${[...config.routes.keys()].join(', ')} → n8n (budget ${config.budgetMs} ms, on failure: ${config.onFailure})`);
});
