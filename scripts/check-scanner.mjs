// `npm run check:scanner`: the checks n8n's verification runs on a community package (@n8n/scan-community-package,
// pinned below) on the source checkout and on the packed tarball, as its two legs do after the provenance step.
// The scanner is installed on first use into the runtime cache, never into this project's dependencies; its
// npm output goes to a log file whose path is printed if the install fails.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { REPO, packPackage } from './n8n-instance.mjs';
import { CACHE } from './n8n-runtime.mjs';

const SCANNER_VERSION = '0.32.0';
const dir = join(CACHE, `scanner-${SCANNER_VERSION}`);
const entry = join(dir, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs');

if (!existsSync(entry)) {
	process.stderr.write(`[check:scanner] installing @n8n/scan-community-package ${SCANNER_VERSION} into ${dir} (once)\n`);
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scanner-runtime', private: true }));
	const logFile = join(dir, 'install.log');
	const fd = openSync(logFile, 'w');
	try {
		execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `@n8n/scan-community-package@${SCANNER_VERSION}`], { cwd: dir, stdio: ['ignore', fd, fd] });
	} catch {
		closeSync(fd);
		process.stderr.write(`[check:scanner] the install failed; npm's output is in ${logFile}\n`);
		process.exit(1);
	}
	closeSync(fd);
}

/** @type {{ analyzePackage(dir: string, patterns: string[]): Promise<{ passed: boolean, message?: string, details?: string }>, SOURCE_FILE_PATTERNS: string[] }} */
const scanner = await import(pathToFileURL(entry).href);

const tarball = packPackage();
const unpacked = mkdtempSync(join(tmpdir(), 'lcim-scan-'));
let failed = false;
try {
	execFileSync('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
	const legs = [
		{ name: 'source checkout', dir: REPO, patterns: scanner.SOURCE_FILE_PATTERNS },
		{ name: 'packed tarball', dir: unpacked, patterns: ['**/*.js', 'package.json'] },
	];
	for (const leg of legs) {
		const result = await scanner.analyzePackage(leg.dir, leg.patterns);
		if (result.passed) {
			process.stdout.write(`scanner ${SCANNER_VERSION}, ${leg.name}: passed\n`);
		} else {
			failed = true;
			process.stdout.write(`scanner ${SCANNER_VERSION}, ${leg.name}: FAILED (${result.message})\n${result.details ?? ''}\n`);
		}
	}
} finally {
	rmSync(unpacked, { recursive: true, force: true });
	rmSync(join(tarball, '..'), { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
