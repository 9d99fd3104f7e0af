// `npm run dev`: builds the package, starts the LeanCloud IM sandbox, installs the pinned n8n app on first
// run (cached outside the repo), loads our package into it as an installed community package, imports a
// credential pointing at the sandbox and the example workflows, and starts the editor on 127.0.0.1.
// Ctrl-C stops everything it started.
import { createRequire } from 'node:module';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { CREDENTIAL_NAME, OWNER, REPO, importCredential, importWorkflows, installPackage, packPackage, setupOwner, startN8n, stopProcess } from './n8n-instance.mjs';
import { CACHE, N8N_VERSION, ensureN8n } from './n8n-runtime.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../sandbox/server.cjs');
const { DEMO_CONVERSATION_ID } = require('../sandbox/demo.cjs');

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 3210);
/** @type {(line: string) => boolean} */
const say = (line) => process.stdout.write(`${line}\n`);

const started = Date.now();
say('Building the package…');
const tarball = packPackage();

// The demo conversation gets a new message every 30 s (SANDBOX_CHATTER_MS), so the trigger examples have something to see.
const sandbox = await startSandbox({ port: SANDBOX_PORT, demo: true, chatterMs: Number(process.env.SANDBOX_CHATTER_MS ?? 30_000) });
const runtime = ensureN8n();
const userFolder = join(CACHE, 'dev-home');

installPackage(userFolder, tarball);
rmSync(dirname(tarball), { recursive: true, force: true });
await importCredential(runtime, userFolder, sandbox);
const examples = readdirSync(join(REPO, 'examples')).filter((file) => file.endsWith('.json')).map((file) => join(REPO, 'examples', file));
await importWorkflows(runtime, userFolder, examples);

say(`Starting n8n ${N8N_VERSION}…`);
const n8n = await startN8n(runtime, userFolder, N8N_PORT);
await setupOwner(n8n.url);

say(
	[
		'',
		`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
		`  n8n editor:        ${n8n.url}  (log in as ${OWNER.email} / ${OWNER.password})`,
		`  LeanCloud sandbox: ${sandbox.url}  (App ID ${sandbox.appId}, Master Key ${sandbox.masterKey})`,
		`  Credential:        "${CREDENTIAL_NAME}"; demo conversation ${DEMO_CONVERSATION_ID}`,
		`  Example workflows: ${examples.length} imported (see examples/)`,
		'Press Ctrl-C to stop n8n and the sandbox.',
		'',
	].join('\n'),
);

let stopping = false;
async function stop() {
	if (stopping) return;
	stopping = true;
	say('\nStopping…');
	await stopProcess(n8n.child);
	await sandbox.close();
	process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
n8n.child.on('exit', (code) => {
	if (!stopping) {
		say(`n8n exited (code ${code}); stopping the sandbox.`);
		sandbox.close().then(() => process.exit(code ?? 1));
	}
});
