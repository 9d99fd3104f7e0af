// Runs one install phase (an npm command) with its whole output in a log file and, in its place, one progress line:
// what it is doing, the time so far and what is left (megabytes on disk of about how many: bytes grow steadily
// while npm extracts, where package folders are created early and say little). On a terminal the line is
// redrawn in place; in a log (CI) a line is printed every 20 seconds. On failure: the end of the log and its path.
//   node scripts/progress.mjs --label TEXT --log FILE [--watch DIR [--expect MEGABYTES]] -- CMD ARGS...
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const split = args.indexOf('--');
const options = args.slice(0, split);
const command = args.slice(split + 1);
/** @type {(name: string) => string | undefined} */
const option = (name) => {
	const at = options.indexOf(`--${name}`);
	return at >= 0 ? options[at + 1] : undefined;
};
const label = option('label') ?? command.join(' ');
const logFile = option('log') ?? 'install.log';
const watch = option('watch');
const expected = Number(option('expect') ?? 0);
const tty = Boolean(process.stderr.isTTY);

/**
 * Megabytes on disk under `dir`.
 * @param {string} dir
 */
function megabytes(dir) {
	let bytes = 0;
	const stack = [dir];
	while (stack.length) {
		const current = /** @type {string} */ (stack.pop());
		let entries;
		try {
			entries = readdirSync(current, { withFileTypes: true });
		} catch {
			continue;
		}
		for (const entry of entries) {
			const path = join(current, entry.name);
			if (entry.isDirectory()) stack.push(path);
			else if (entry.isFile()) bytes += statSync(path, { throwIfNoEntry: false })?.size ?? 0;
		}
	}
	return bytes / 1024 / 1024;
}

/** @type {(ms: number) => string} */
const elapsed = (ms) => {
	const seconds = Math.round(ms / 1000);
	return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
};
const number = new Intl.NumberFormat('en-US');

/** What is left, as far as can be seen from the disk (measured at most every 5 s: a walk of a large tree costs). */
let measured = { at: 0, text: '' };
function left() {
	if (!watch) return '';
	if (Date.now() - measured.at < 5_000) return measured.text;
	const done = Math.round(megabytes(watch));
	let text;
	if (done < 1) text = 'resolving the dependency tree';
	else text = expected ? `${number.format(done)} of about ${number.format(expected)} MB` : `${number.format(done)} MB`;
	measured = { at: Date.now(), text };
	return text;
}

const started = Date.now();
/** @type {(final?: string) => void} */
const show = (final) => {
	const line = `[install] ${label}: ${final ?? [left(), elapsed(Date.now() - started)].filter(Boolean).join(', ')}`;
	if (tty) process.stderr.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);
	else process.stderr.write(`${line}\n`);
};

mkdirSync(dirname(logFile), { recursive: true });
const fd = openSync(logFile, 'w');
const child = spawn(command[0], command.slice(1), { stdio: ['ignore', fd, fd] });
show();
const timer = setInterval(show, tty ? 1000 : 20_000);
const code = await new Promise((resolve) => {
	child.on('error', () => resolve(127));
	child.on('close', (status) => resolve(status ?? 1));
});
clearInterval(timer);
closeSync(fd);
if (code === 0) {
	show(`done in ${elapsed(Date.now() - started)}${watch ? ` (${number.format(Math.round(megabytes(watch)))} MB)` : ''}`);
	process.exit(0);
}
show(`FAILED after ${elapsed(Date.now() - started)} (exit ${code})`);
const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-25).join('\n');
process.stderr.write(`${tail}\n[install] the whole output is in ${logFile}\n`);
process.exit(code);
