// One isolated n8n instance on loopback: its user folder, our package installed the way n8n installs a
// community package, credentials and workflows imported with n8n's own CLI, and the server started.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(new URL('..', import.meta.url).pathname);
export const PACKAGE = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
export const NODE_TYPE = `${PACKAGE.name}.leanCloudIm`;
export const CREDENTIAL_ID = 'lcimSandbox0001';
export const CREDENTIAL_NAME = 'LeanCloud IM (sandbox)';
export const HOOK_CREDENTIAL_ID = 'lcimHookSandbox1';
export const HOOK_CREDENTIAL_NAME = 'LeanCloud IM Hook (sandbox)';
/** This run's hook secrets (new each run): the forwarder signs with the first, the service callback URL carries the second. */
export const HOOK_SECRETS = { sharedSecret: randomBytes(24).toString('hex'), callbackToken: randomBytes(24).toString('hex') };
export const OWNER = { email: 'owner@example.com', firstName: 'Dev', lastName: 'Owner', password: 'LeanCloud-dev-2026' };

/**
 * A LeanCloud IM Message > Send node using the sandbox credential, for workflows the scripts and tests build:
 * `conversation` and `text` may be expressions.
 */
/**
 * @param {{ id?: string, name: string, position?: number[], conversation: string, fromClient: string, text: string }} options
 */
export function sendMessageNode({ id = 's', name, position = [240, 0], conversation, fromClient, text }) {
	return {
		id,
		name,
		type: NODE_TYPE,
		typeVersion: 1,
		position,
		parameters: { resource: 'message', operation: 'send', conversationId: { __rl: true, mode: 'id', value: conversation }, fromClient, text },
		credentials: { leanCloudImApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
	};
}

/** Environment for an isolated, quiet n8n on 127.0.0.1; `extra` adds to it (e.g. queue mode's database and Redis). */
/**
 * @param {import('./n8n-runtime.mjs').N8nRuntime} runtime
 * @param {string} userFolder
 * @param {number} [port]
 * @param {Record<string, string>} [extra]
 */
export function n8nEnv(runtime, userFolder, port = 5678, extra = {}) {
	/** @type {Record<string, string | undefined>} */
	const env = {
		...process.env,
		PATH: `${runtime.nodeBinDir}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-leancloud-im-local-only',
		DB_TYPE: 'sqlite',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_SECURE_COOKIE: 'false',
		// n8n 2.x only: 1.x refuses unknown module names. On 1.x (Node 20) isolated-vm cannot be built, so
		// expressions use n8n's classic engine there.
		...(String(runtime.version ?? '2').startsWith('1.')
			? { N8N_EXPRESSION_ENGINE: 'legacy' }
			: { N8N_DISABLED_MODULES: 'mcp-registry' }),
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_LOG_LEVEL: process.env.N8N_LOG_LEVEL ?? 'warn',
	};
	for (const name of [
		'N8N_DIAGNOSTICS_ENABLED',
		'N8N_VERSION_NOTIFICATIONS_ENABLED',
		'N8N_TEMPLATES_ENABLED',
		'N8N_PERSONALIZATION_ENABLED',
		'N8N_HIRING_BANNER_ENABLED',
		'N8N_VERIFIED_PACKAGES_ENABLED',
		'N8N_DYNAMIC_BANNERS_ENABLED',
		'N8N_LICENSE_AUTO_RENEW_ENABLED',
	]) {
		env[name] = 'false';
	}
	return { ...env, ...extra };
}

/** Builds dist/ and packs the package, as `npm publish` would; returns the tarball path. */
export function packPackage({ build = true } = {}) {
	if (build) execFileSync('npm', ['run', 'build'], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
	const destination = mkdtempSync(join(tmpdir(), 'lcim-pack-'));
	const [report] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', destination], { cwd: REPO, encoding: 'utf8' }),
	);
	return join(destination, report.filename);
}

/** Unpacks the tarball where n8n keeps installed community packages (~/.n8n/nodes/node_modules). */
/**
 * @param {string} userFolder
 * @param {string} tarball
 */
export function installPackage(userFolder, tarball) {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const target = join(nodesDir, 'node_modules', PACKAGE.name);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	writeFileSync(
		join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE.name]: PACKAGE.version } }, null, 2),
	);
	return target;
}

/**
 * Runs an n8n CLI command in this instance; resolves with its exit status and output. Asynchronous, so an
 * in-process sandbox keeps answering n8n meanwhile. Output goes to a file, not a pipe: n8n exits right after
 * printing a run, and Node drops what is still buffered for a pipe but writes files synchronously.
 */
/**
 * @param {import('./n8n-runtime.mjs').N8nRuntime} runtime
 * @param {string} userFolder
 * @param {string[]} args
 * @param {{ port?: number, env?: Record<string, string> }} [options]
 * @returns {Promise<{ status: number | null, stdout: string, stderr: string }>}
 */
export function n8nCli(runtime, userFolder, args, options = {}) {
	const { port, env: extra = {} } = options;
	const logFile = join(userFolder, `cli-${process.pid}-${Date.now()}.log`);
	const fd = openSync(logFile, 'w');
	return new Promise((resolveRun, reject) => {
		// `execute --rawOutput` prints the run through n8n's logger at info level.
		const env = { ...n8nEnv(runtime, userFolder, port, extra), N8N_LOG_LEVEL: 'info' };
		const child = spawn(runtime.node, [runtime.cli, ...args], { env, cwd: userFolder, stdio: ['ignore', fd, fd] });
		child.on('error', reject);
		child.on('close', (status) => {
			closeSync(fd);
			const stdout = readFileSync(logFile, 'utf8');
			rmSync(logFile, { force: true });
			resolveRun({ status, stdout, stderr: '' });
		});
	});
}

/**
 * @param {string} what
 * @param {{ status: number | null, stdout: string, stderr: string }} result
 */
function mustSucceed(what, result) {
	if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
	return result;
}

/** Imports the sandbox credential and the hook credential (plain data; n8n encrypts it on import). */
/**
 * @param {import('./n8n-runtime.mjs').N8nRuntime} runtime
 * @param {string} userFolder
 * @param {{ url: string, appId: string, appKey: string, masterKey: string }} sandbox
 * @param {Record<string, string>} [env]
 */
export async function importCredential(runtime, userFolder, sandbox, env = {}) {
	const file = join(userFolder, 'credentials.json');
	const data = { appId: sandbox.appId, clientToken: sandbox.appKey, serverSecret: sandbox.masterKey, apiServer: sandbox.url, signRequests: true };
	writeFileSync(
		file,
		JSON.stringify([
			{ id: CREDENTIAL_ID, name: CREDENTIAL_NAME, type: 'leanCloudImApi', data },
			{ id: HOOK_CREDENTIAL_ID, name: HOOK_CREDENTIAL_NAME, type: 'leanCloudImHookApi', data: HOOK_SECRETS },
		]),
	);
	mustSucceed('import:credentials', await n8nCli(runtime, userFolder, ['import:credentials', `--input=${file}`], { env }));
}

/** Imports every workflow file given, in one CLI call. */
/**
 * @param {import('./n8n-runtime.mjs').N8nRuntime} runtime
 * @param {string} userFolder
 * @param {string[]} files
 * @param {Record<string, string>} [env]
 */
export async function importWorkflows(runtime, userFolder, files, env = {}) {
	const dir = join(userFolder, 'workflows-to-import');
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	files.forEach((file, index) => writeFileSync(join(dir, `${index}.json`), readFileSync(file)));
	mustSucceed('import:workflow', await n8nCli(runtime, userFolder, ['import:workflow', '--separate', `--input=${dir}`], { env }));
}

/** Executes one imported workflow with `n8n execute` and returns the parsed run (or the failure output). */
/**
 * @param {import('./n8n-runtime.mjs').N8nRuntime} runtime
 * @param {string} userFolder
 * @param {string} id
 */
export async function executeWorkflow(runtime, userFolder, id) {
	const result = await n8nCli(runtime, userFolder, ['execute', `--id=${id}`, '--rawOutput']);
	// Logs and the run share stdout; the run is the last top-level JSON object ("{" ... "}" on their own lines).
	const lines = result.stdout.split('\n');
	const start = lines.lastIndexOf('{');
	const end = lines.indexOf('}', start);
	let run;
	try {
		run = start >= 0 && end > start ? JSON.parse(lines.slice(start, end + 1).join('\n')) : undefined;
	} catch {
		run = undefined;
	}
	return { ...result, run };
}

/**
 * Starts `n8n start` (or `command`, e.g. `worker`) and resolves once /healthz/readiness answers on `port` (the
 * database is connected and migrated; a worker answers there with QUEUE_HEALTH_CHECK_ACTIVE and QUEUE_HEALTH_CHECK_PORT).
 */
/**
 * @param {import('./n8n-runtime.mjs').N8nRuntime} runtime
 * @param {string} userFolder
 * @param {number} [port]
 * @param {{ quiet?: boolean, env?: Record<string, string>, command?: string }} [options]
 */
export async function startN8n(runtime, userFolder, port = 5678, { quiet = false, env: extra = {}, command = 'start' } = {}) {
	const child = spawn(runtime.node, [runtime.cli, command], {
		env: n8nEnv(runtime, userFolder, port, extra),
		cwd: userFolder,
		stdio: ['ignore', quiet ? 'ignore' : 'inherit', quiet ? 'ignore' : 'inherit'],
	});
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 120_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`n8n exited with code ${child.exitCode} before it was ready`);
		try {
			const response = await fetch(`${url}/healthz/readiness`);
			if (response.ok) return { child, url };
		} catch {
			// not listening yet
		}
		await new Promise((resolveWait) => setTimeout(resolveWait, 300));
	}
	child.kill('SIGTERM');
	throw new Error('n8n did not answer /healthz/readiness within 2 minutes');
}

/** Creates the owner account on a fresh instance and checks that it can log in; retries while the REST API starts. */
/** @param {string} url */
export async function setupOwner(url) {
	const deadline = Date.now() + 60_000;
	for (;;) {
		await fetch(`${url}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify(OWNER),
		}).catch(() => undefined);
		const login = await fetch(`${url}/rest/login`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ emailOrLdapLoginId: OWNER.email, password: OWNER.password }),
		}).catch(() => undefined);
		if (login?.ok) return login.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
		if (Date.now() > deadline) throw new Error('Could not set up or log in as the n8n owner');
		await new Promise((resolveWait) => setTimeout(resolveWait, 500));
	}
}

/**
 * @param {import('node:child_process').ChildProcess | undefined} child
 * @returns {Promise<void>}
 */
export function stopProcess(child) {
	return new Promise((resolveStop) => {
		if (!child || child.exitCode !== null) return resolveStop();
		child.once('exit', () => resolveStop());
		child.kill('SIGTERM');
		setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
	});
}
