// The LeanEngine forwarder (leanengine/) run on this machine, as LeanEngine runs it: its own dependencies (the
// official leanengine SDK) installed from its lockfile on first use, and the environment LeanEngine would set
// (app keys, hook key, port) pointing at the LeanCloud IM sandbox. `npm run dev`, the e2e suite and the round-trip
// benchmark start it with startForwarder().
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { REPO } from './n8n-instance.mjs';
import { npmEnv } from './n8n-runtime.mjs';

const APP = join(REPO, 'leanengine');
const STAMP = join(APP, 'node_modules', '.installed-lock-sha256');

/** Installs the forwarder's dependencies when they are missing or its lockfile changed. */
export function ensureForwarderDeps() {
	const lock = createHash('sha256').update(readFileSync(join(APP, 'package-lock.json'))).digest('hex');
	if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === lock) return;
	process.stdout.write('Installing the LeanEngine forwarder\'s dependencies (leanengine/, about 15 s)…\n');
	// No install scripts: none of its dependencies needs one (core-js-pure's only prints a message).
	const result = spawnSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: APP, env: npmEnv(), stdio: ['ignore', 'inherit', 'inherit'] });
	if (result.status !== 0) throw new Error(`npm ci in leanengine/ failed (exit ${result.status})`);
	writeFileSync(STAMP, lock);
}

/**
 * Starts the forwarder on `port`; resolves once it listens.
 * @param {{
 *   port: number,
 *   sandbox: { url: string, appId: string, appKey: string, masterKey: string },
 *   hookKey: string,
 *   secret: string,
 *   n8nHookUrl: string,
 *   events?: string,
 *   onFailure?: 'deliver' | 'refuse',
 *   budgetMs?: number,
 *   quiet?: boolean,
 * }} options
 */
export async function startForwarder({ port, sandbox, hookKey, secret, n8nHookUrl, events = '_messageReceived', onFailure = 'deliver', budgetMs, quiet = false }) {
	ensureForwarderDeps();
	const child = spawn(process.execPath, ['server.js'], {
		cwd: APP,
		env: {
			PATH: process.env.PATH ?? '',
			LEANCLOUD_APP_ID: sandbox.appId,
			LEANCLOUD_APP_KEY: sandbox.appKey,
			LEANCLOUD_APP_MASTER_KEY: sandbox.masterKey,
			LEANCLOUD_API_SERVER: sandbox.url,
			LEANCLOUD_APP_HOOK_KEY: hookKey,
			LEANCLOUD_APP_PORT: String(port),
			N8N_HOOK_URL: n8nHookUrl,
			N8N_HOOK_SECRET: secret,
			N8N_HOOK_EVENTS: events,
			N8N_HOOK_ON_FAILURE: onFailure,
			...(budgetMs ? { N8N_HOOK_BUDGET_MS: String(budgetMs) } : {}),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	/** @type {string[]} the forwarder's log lines (its fail-open notes), for tests */
	const lines = [];
	for (const stream of [child.stdout, child.stderr]) {
		let partial = '';
		stream.on('data', (/** @type {Buffer} */ chunk) => {
			const text = partial + chunk.toString('utf8');
			const parts = text.split('\n');
			partial = parts.pop() ?? '';
			for (const line of parts) {
				lines.push(line);
				if (!quiet) process.stdout.write(`[forwarder] ${line}\n`);
			}
		});
	}
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	while (!lines.some((line) => line.startsWith('n8n forwarder listening'))) {
		if (child.exitCode !== null) throw new Error(`the forwarder exited (code ${child.exitCode}):\n${lines.join('\n')}`);
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`the forwarder did not start within 30 s:\n${lines.join('\n')}`);
		}
		await new Promise((resolveWait) => setTimeout(resolveWait, 100));
	}
	return { url, child, lines };
}
