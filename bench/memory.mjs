// One memory measurement in a fresh process: `node bench/memory.mjs sends 50000`, `history 100000`, or `upload 100`
// (one item with 100 MB of binary data uploaded with File > Upload; `upload-baseline 100`: the same item, no upload).
// Prints {"rssMb": peak resident set size}.
import { createRequire } from 'node:module';

import { createConversations, jobsFor, nodeHistory, nodeSends, nodeUpload, startServer } from './lib.mjs';

const { SEEDED_HISTORY_ID } = createRequire(import.meta.url)('../sandbox/server.cjs');

const [kind, countText] = process.argv.slice(2);
const count = Number(countText);
const server = await startServer(kind === 'history' ? { SANDBOX_SEED_MESSAGES: String(count) } : {});
try {
	if (kind === 'upload' || kind === 'upload-baseline') {
		await nodeUpload(server.url, count, kind === 'upload');
	} else if (kind === 'history') {
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
