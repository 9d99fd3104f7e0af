// Redis and PostgreSQL for n8n's queue mode, started for one run on loopback and stopped after it. Redis comes
// from Debian's packages (installed on first use when running as root, as CI does); PostgreSQL's server is on
// the project's machine image (/usr/lib/postgresql/<version>/bin). Data lives in a temp folder and is removed.
import { execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** @type {(line: string) => boolean} */
const say = (line) => process.stderr.write(`[services] ${line}\n`);
/** @type {(ms: number) => Promise<void>} */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free TCP port on 127.0.0.1. */
/** @returns {Promise<number>} */
export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/**
 * @param {string} binary
 * @param {string} packageName
 */
function aptInstall(binary, packageName) {
	if (existsSync(binary)) return;
	if (process.getuid?.() !== 0) throw new Error(`${binary} not found: install Debian's ${packageName} package (apt-get install ${packageName})`);
	say(`installing Debian ${packageName} (once)`);
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
	execFileSync('apt-get', ['install', '-y', '-qq', packageName], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/**
 * @param {() => boolean | Promise<boolean>} check
 * @param {string} what
 * @param {number} [withinMs]
 */
async function waitFor(check, what, withinMs = 30_000) {
	const deadline = Date.now() + withinMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await sleep(200);
	}
	throw new Error(`${what} did not start within ${withinMs / 1000} s`);
}

/** Starts a throw-away Redis; resolves with its port and stop(). */
export async function startRedis() {
	const binary = '/usr/bin/redis-server';
	aptInstall(binary, 'redis-server');
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'lcim-redis-'));
	const child = spawn(binary, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
	await waitFor(async () => {
		try {
			execFileSync('/usr/bin/redis-cli', ['-p', String(port), 'ping'], { stdio: 'pipe' });
			return true;
		} catch {
			return false;
		}
	}, 'Redis');
	say(`Redis on 127.0.0.1:${port}`);
	return {
		port,
		stop: async () => {
			child.kill('SIGTERM');
			await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

function postgresBin() {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root) ? readdirSync(root).filter((version) => existsSync(join(root, version, 'bin', 'initdb'))) : [];
	if (versions.length === 0) {
		aptInstall(join(root, '15', 'bin', 'initdb'), 'postgresql');
		return join(root, '15', 'bin');
	}
	return join(root, versions.sort((a, b) => Number(b) - Number(a))[0], 'bin');
}

/** Starts a throw-away PostgreSQL with a database `n8n` (trust auth, loopback only); resolves with its port and stop(). */
export async function startPostgres() {
	const bin = postgresBin();
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'lcim-postgres-'));
	// PostgreSQL refuses to run as root: as root, the data folder belongs to the postgres user and it runs as that user.
	const asRoot = process.getuid?.() === 0;
	/** @type {(command: string, args: string[], options?: import('node:child_process').ExecFileSyncOptions) => string | Buffer} */
	const run = (command, args, options = {}) =>
		asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', join(bin, command), ...args], options) : execFileSync(join(bin, command), args, options);
	if (asRoot) {
		const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
		const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
		chownSync(dir, uid, gid);
	}
	const data = join(dir, 'data');
	run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8'], { stdio: 'ignore' });
	run('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -h 127.0.0.1`, '-l', join(dir, 'log'), '-w', 'start'], { stdio: 'ignore' });
	run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'n8n'], { stdio: 'ignore' });
	say(`PostgreSQL on 127.0.0.1:${port}`);
	return {
		port,
		stop: async () => {
			try {
				run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop'], { stdio: 'ignore' });
			} finally {
				rmSync(dir, { recursive: true, force: true });
			}
		},
	};
}
