// One memory measurement in a fresh process: `node bench/memory.mjs sends 50000` or `history 100000`.
// Prints {"rssMb": peak resident set size}.
import { createRequire } from 'node:module';

import { createConversations, jobsFor, nodeHistory, nodeSends, startServer } from './lib.mjs';

const { SEEDED_HISTORY_ID } = createRequire(import.meta.url)('../sandbox/server.cjs');

const [kind, countText] = process.argv.slice(2);
const count = Number(countText);
const server = await startServer(kind === 'history' ? { SANDBOX_SEED_MESSAGES: String(count) } : {});
try {
	if (kind === 'history') {
		const { count: received } = await nodeHistory(server.url, SEEDED_HISTORY_ID);
		if (received !== count) throw new Error(`history returned ${received} of ${count}`);
	} else if (count > 0) {
		const conversations = await createConversations(server.url, 100);
		const { failed } = await nodeSends(server.url, jobsFor(count, conversations), { concurrency: 16 });
		if (failed) throw new Error(`${failed} sends failed`);
	}
	process.stdout.write(JSON.stringify({ rssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
} finally {
	await server.stop();
}
