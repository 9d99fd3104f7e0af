// `npm run test:dev`: the README's main command, as a new user runs it. From a fresh clone of this
// repository's HEAD, `npm ci`, then `npm run dev` with an empty runtime cache (unless LEANCLOUD_IM_CACHE
// names one): it must reach "Ready" with the editor answering /healthz/readiness and the owner able to log
// in; then Ctrl-C (SIGINT to the whole foreground process group, as a terminal sends it) must leave no
// process behind. Prints the time each step took.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { OWNER, REPO } from '../../scripts/n8n-instance.mjs';
import { clientSend } from '../../scripts/hook-stack.mjs';
import { expect, report, test } from './check.mjs';

const require = createRequire(import.meta.url);
/** The keys `npm run dev`'s sandbox runs with (its defaults), and its demo conversation. */
const SANDBOX_KEYS = require('../../sandbox/server.cjs').DEFAULTS;
const { DEMO_CONVERSATION_ID } = require('../../sandbox/demo.cjs');

const N8N_PORT = 5688;
const SANDBOX_PORT = 3288;
const FORWARDER_PORT = 3289;
const READY_WITHIN_MS = 25 * 60_000;
/** @type {(line: string) => boolean} */
const say = (line) => process.stdout.write(`${line}\n`);
/** @type {(since: number) => string} */
const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** The environment a user's shell would have: nothing npm exported for the run of this script. */
/** @param {Record<string, string>} [extra] */
function shellEnv(extra) {
	const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
	return { ...env, ...extra };
}

/** Live processes whose command line mentions one of `paths`. */
/** @param {string[]} paths */
function processesUsing(paths) {
	/** @type {string[]} */
	const found = [];
	for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
		if (Number(pid) === process.pid) continue;
		let commandLine;
		try {
			commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
		} catch {
			continue; // exited meanwhile
		}
		if (commandLine && paths.some((path) => commandLine.includes(path))) found.push(`${pid} ${commandLine.slice(0, 160)}`);
	}
	return found;
}

/** @type {(ms: number) => Promise<void>} */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const createdCache = !process.env.LEANCLOUD_IM_CACHE;
const cache = process.env.LEANCLOUD_IM_CACHE ?? mkdtempSync(join(tmpdir(), 'lcim-dev-cache-'));
const clone = mkdtempSync(join(tmpdir(), 'lcim-dev-clone-'));
/** @type {import('node:child_process').ChildProcess | undefined} */
let dev;

try {
	await test('npm ci && npm run dev from a fresh clone reaches a ready editor, and Ctrl-C leaves nothing running', async () => {
		let since = Date.now();
		execFileSync('git', ['clone', '--quiet', REPO, clone], { stdio: 'inherit' });
		const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO, encoding: 'utf8' }).trim();
		if (dirty) say('  note: the clone holds the committed HEAD; uncommitted changes are not in it');
		execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: clone, stdio: ['ignore', 'ignore', 'inherit'], env: shellEnv() });
		say(`  fresh clone and npm ci: ${seconds(since)}`);

		since = Date.now();
		let output = '';
		const child = spawn('npm', ['run', 'dev'], {
			cwd: clone,
			detached: true, // its own process group, so the test can send Ctrl-C to all of it as a terminal would
			stdio: ['ignore', 'pipe', 'pipe'],
			env: shellEnv({ LEANCLOUD_IM_CACHE: cache, N8N_PORT: String(N8N_PORT), SANDBOX_PORT: String(SANDBOX_PORT), FORWARDER_PORT: String(FORWARDER_PORT) }),
		});
		dev = child;
		/** @param {Buffer} chunk */
		const collect = (chunk) => {
			output += chunk;
			for (const line of String(chunk).split('\n')) if (/\[n8n-runtime\]|\[install\]|Ready in|Starting n8n/.test(line)) say(`  | ${line}`);
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
		const ready = await Promise.race([
			(async () => {
				while (!/Ready in [\d.]+ s\./.test(output)) await sleep(250);
				return true;
			})(),
			exited.then(() => false),
			sleep(READY_WITHIN_MS).then(() => false),
		]);
		expect(ready, `npm run dev did not print "Ready":\n${output.slice(-3000)}`).toBe(true);
		say(`  npm run dev ready: ${seconds(since)} (cache ${createdCache ? 'empty at start' : cache})`);

		const url = `http://127.0.0.1:${N8N_PORT}`;
		const readiness = await fetch(`${url}/healthz/readiness`);
		expect(readiness.status, '/healthz/readiness').toBe(200);
		const login = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		});
		expect(login.status, 'owner login').toBe(200);
		const sandbox = await fetch(`http://127.0.0.1:${SANDBOX_PORT}/1.2/rtm/conversations`);
		expect(sandbox.status, 'the sandbox answers (401 without keys)').toBe(401);
		// The hooks are wired: a client's message goes sandbox → forwarder → n8n, whose moderation example is not
		// active yet (404), so the forwarder fails open and the message is delivered.
		const devSandbox = { url: `http://127.0.0.1:${SANDBOX_PORT}`, appId: SANDBOX_KEYS.appId, appKey: SANDBOX_KEYS.appKey };
		const sent = await clientSend(devSandbox, 'customer-1', DEMO_CONVERSATION_ID, 'cheap pills, before moderation is active');
		expect(sent.status, 'a client send through the hooks').toBe(200);
		const failedOpen = /\[forwarder\] n8n-forwarder: _messageReceived: n8n answered HTTP 404 after \d+ ms; delivering unchanged \(fail-open\)/;
		for (let waited = 0; waited < 5000 && !failedOpen.test(output); waited += 100) await sleep(100); // the log line travels through two pipes
		expect(failedOpen.test(output), `the forwarder reached n8n and failed open:\n${output.slice(-1500)}`).toBe(true);

		since = Date.now();
		if (child.pid === undefined) throw new Error('npm run dev has no process ID');
		process.kill(-child.pid, 'SIGINT');
		const stopped = await Promise.race([exited, sleep(30_000).then(() => undefined)]);
		expect(stopped !== undefined, 'npm run dev exited within 30 s of Ctrl-C').toBe(true);
		/** @type {string[]} */
		let left = [];
		for (let attempt = 0; attempt < 40; attempt += 1) {
			left = processesUsing([clone, cache]);
			if (left.length === 0) break;
			await sleep(250);
		}
		expect(left, 'processes left after Ctrl-C').toEqual([]);
		const stillListening = await fetch(`${url}/healthz`).then(
			() => true,
			() => false,
		);
		expect(stillListening, 'n8n still answering after Ctrl-C').toBe(false);
		say(`  Ctrl-C: everything stopped in ${seconds(since)}`);
	});
} finally {
	if (dev && dev.exitCode === null) {
		try {
			if (dev.pid !== undefined) process.kill(-dev.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	rmSync(clone, { recursive: true, force: true });
	if (createdCache) rmSync(cache, { recursive: true, force: true });
}

process.exit(report());
