// `npm run dev`: builds the package, starts the LeanCloud IM sandbox, installs the pinned n8n app on first
// run (cached outside the repo), loads our package into it as an installed community package, imports a
// credential pointing at the sandbox and the example workflows, and starts the editor on 127.0.0.1.
// The IM hooks are wired as in production: sandbox → the LeanEngine forwarder (leanengine/, run here) → the
// "moderate before delivery" example's webhook; the service-conversation callback → the callback support bot.
// Ctrl-C stops everything it started.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { startForwarder } from './forwarder.mjs';
import { CALLBACK_PATH, MODERATION_PATH, clientSend } from './hook-stack.mjs';
import { CREDENTIAL_NAME, HOOK_CREDENTIAL_NAME, HOOK_SECRETS, OWNER, REPO, importCredential, importWorkflows, installPackage, packPackage, setupOwner, startN8n, stopProcess } from './n8n-instance.mjs';
import { CACHE, N8N_VERSION, ensureN8n } from './n8n-runtime.mjs';

const require = createRequire(import.meta.url);
const { startSandbox } = require('../sandbox/server.cjs');
const { DEMO_CONVERSATION_ID } = require('../sandbox/demo.cjs');

const N8N_PORT = Number(process.env.N8N_PORT ?? 5678);
const SANDBOX_PORT = Number(process.env.SANDBOX_PORT ?? 3210);
const FORWARDER_PORT = Number(process.env.FORWARDER_PORT ?? 3211);
/** The examples' webhook paths (their IDs are fixed in their JSON), so the URLs are known before n8n starts. */
const MODERATION_HOOK_URL = `http://127.0.0.1:${N8N_PORT}${MODERATION_PATH}`;
const CALLBACK_URL = `http://127.0.0.1:${N8N_PORT}${CALLBACK_PATH}?token=${HOOK_SECRETS.callbackToken}`;
const SERVICE_CONVERSATION_ID = '64d1c0ffee5a4dbeef000002';
/** @type {(line: string) => boolean} */
const say = (line) => process.stdout.write(`${line}\n`);

const started = Date.now();
say('Building the package…');
const tarball = packPackage();

// The demo conversation gets a new message every 30 s (SANDBOX_CHATTER_MS), so the trigger examples have something to see.
// The hook key is LeanEngine's secret between the IM server and the app: new each run.
const hookKey = randomBytes(16).toString('hex');
const chatterMs = Number(process.env.SANDBOX_CHATTER_MS ?? 30_000);
const sandbox = await startSandbox({
	port: SANDBOX_PORT,
	demo: true,
	chatterMs,
	hooks: { engineUrl: `http://127.0.0.1:${FORWARDER_PORT}`, hookKey, serviceCallbackUrl: CALLBACK_URL },
});
// A service conversation customers write to, for the callback support bot.
sandbox.store.createConversation({ name: 'Support bot (callback)', sys: true, m: [] }, SERVICE_CONVERSATION_ID);
const questions = ['What are your opening hours?', 'How much is the price of the pro plan?', 'My parcel is late.'];
let asked = 0;
const askBot = setInterval(() => {
	clientSend(sandbox, 'customer-1', SERVICE_CONVERSATION_ID, questions[asked++ % questions.length]).catch(() => undefined);
}, chatterMs * 2);
askBot.unref();
const runtime = ensureN8n();
const userFolder = join(CACHE, 'dev-home');

installPackage(userFolder, tarball);
rmSync(dirname(tarball), { recursive: true, force: true });
await importCredential(runtime, userFolder, sandbox);
const examples = readdirSync(join(REPO, 'examples')).filter((file) => file.endsWith('.json')).map((file) => join(REPO, 'examples', file));
await importWorkflows(runtime, userFolder, examples);

say('Starting the LeanEngine forwarder (leanengine/)…');
const forwarder = await startForwarder({ port: FORWARDER_PORT, sandbox, hookKey, secret: HOOK_SECRETS.sharedSecret, n8nHookUrl: MODERATION_HOOK_URL });

say(`Starting n8n ${N8N_VERSION}…`);
const n8n = await startN8n(runtime, userFolder, N8N_PORT);
await setupOwner(n8n.url);

say(
	[
		'',
		`Ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
		`  n8n editor:        ${n8n.url}  (log in as ${OWNER.email} / ${OWNER.password})`,
		`  LeanCloud sandbox: ${sandbox.url}  (App ID ${sandbox.appId}, Master Key ${sandbox.masterKey})`,
		`  Credentials:       "${CREDENTIAL_NAME}", "${HOOK_CREDENTIAL_NAME}"; demo conversation ${DEMO_CONVERSATION_ID}`,
		`  Example workflows: ${examples.length} imported (see examples/)`,
		`  IM hooks:          sandbox → forwarder ${forwarder.url} → ${MODERATION_HOOK_URL}`,
		'                     Activate "LeanCloud IM: moderate before delivery (hooks)": spam in the demo conversation is',
		'                     then dropped before anyone gets it, and phone numbers are masked (until then: delivered as sent).',
		'Press Ctrl-C to stop n8n and the sandbox.',
		'',
	].join('\n'),
);

let stopping = false;
async function stop() {
	if (stopping) return;
	stopping = true;
	say('\nStopping…');
	clearInterval(askBot);
	await Promise.all([stopProcess(n8n.child), stopProcess(forwarder.child)]);
	await sandbox.close();
	process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
n8n.child.on('exit', (code) => {
	if (!stopping) {
		say(`n8n exited (code ${code}); stopping the sandbox.`);
		stopProcess(forwarder.child)
			.then(() => sandbox.close())
			.then(() => process.exit(code ?? 1));
	}
});
