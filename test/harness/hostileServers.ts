import nock from 'nock';

import { startServer, type HostileServer } from './hostile.cjs';

/**
 * Real local servers for a hostile-server suite: nock lets 127.0.0.1 through while the suite runs, and every server
 * a test started is closed after it. Returns the function that starts one.
 */
export function hostileServers(): (respond: Parameters<typeof startServer>[0]) => Promise<HostileServer> {
	const servers: HostileServer[] = [];
	beforeAll(() => nock.enableNetConnect('127.0.0.1'));
	afterEach(async () => {
		await Promise.all(servers.splice(0).map(async (server) => await server.close()));
	});
	afterAll(() => nock.disableNetConnect());
	return async (respond) => {
		const server = await startServer(respond);
		servers.push(server);
		return server;
	};
}
