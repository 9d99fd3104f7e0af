// `npm run test:stress`: the test suite N times in a row (20 by default) while a second copy of the suite runs
// beside it the whole time, as on a busy two-core machine. Any failure, of either copy, is a defect: tests must
// sequence by states reached, never by how long things take. Prints one line per run (and each failure of the
// second copy, with the tests that failed) and a summary; exits 1 on any failure.
//   --runs N     how many runs are counted (default 20)
//   --no-load    without the second copy (to compare)
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const jest = join(repo, 'node_modules', 'jest', 'bin', 'jest.js');
const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 20;
const withLoad = !args.includes('--no-load');
if (!Number.isInteger(runs) || runs < 1) {
	console.error('--runs takes a whole number of at least 1');
	process.exit(2);
}

/**
 * Runs the suite once; resolves with its exit code, its "Tests:" line and the names of failed tests.
 * @returns {Promise<{ code: number, tests: string, failed: string[], output: string }>}
 */
function suite() {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [jest, '--ci'], { cwd: repo, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		/** @param {Buffer} chunk */
		const keep = (chunk) => {
			output = (output + chunk.toString()).slice(-200_000);
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.on('close', (code) => {
			const tests = output.match(/^Tests:.*$/m)?.[0] ?? 'no summary';
			const failed = [...output.matchAll(/^\s+✕ (.*)$/gm)].map((match) => match[1]);
			resolve({ code: code ?? 1, tests, failed, output });
		});
	});
}

/** @type {import('node:child_process').ChildProcess | undefined} */
let loadChild;
let stopLoad = false;
let loadRuns = 0;
let loadFailures = 0;
/** The second copy: the suite again and again until the counted runs are done; its failures are named too. */
async function load() {
	while (!stopLoad) {
		/** @type {{ code: number, failed: string[] }} */
		const result = await new Promise((resolve) => {
			const child = spawn(process.execPath, [jest, '--ci'], { cwd: repo, env: { ...process.env, FORCE_COLOR: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
			loadChild = child;
			let output = '';
			/** @param {Buffer} chunk */
			const keep = (chunk) => {
				output = (output + chunk.toString()).slice(-200_000);
			};
			child.stdout?.on('data', keep);
			child.stderr?.on('data', keep);
			child.on('close', (code) => resolve({ code: code ?? 1, failed: [...output.matchAll(/^\s+✕ (.*)$/gm)].map((match) => match[1]) }));
		});
		if (stopLoad) break;
		loadRuns += 1;
		if (result.code !== 0) {
			loadFailures += 1;
			console.log(`second copy, run ${loadRuns}: FAILED${result.failed.map((name) => `\n        failed: ${name}`).join('')}`);
		}
	}
}

const started = Date.now();
console.log(`test:stress: ${runs} runs of the suite${withLoad ? ', with a second copy of the suite running beside them' : ''} (node ${process.version}, ${(await import('node:os')).cpus().length} cores)`);
const loading = withLoad ? load() : Promise.resolve();
let failures = 0;
for (let run = 1; run <= runs; run++) {
	const runStarted = Date.now();
	const result = await suite();
	const seconds = ((Date.now() - runStarted) / 1000).toFixed(0);
	if (result.code !== 0) failures += 1;
	console.log(`run ${String(run).padStart(2)}: ${result.code === 0 ? 'passed' : 'FAILED'} in ${seconds} s  ${result.tests}`);
	for (const name of result.failed) console.log(`        failed: ${name}`);
	if (result.code !== 0 && result.failed.length === 0) console.log(result.output.slice(-3000));
}
stopLoad = true;
loadChild?.kill('SIGTERM');
await loading;
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`beside them: ${loadRuns} complete runs of the second copy, ${loadFailures} failed`);
console.log(`test:stress took ${minutes} min`);
console.log(`stress: ${runs - failures} passed, ${failures} failed (and ${loadFailures} failed of ${loadRuns} beside them)`);
process.exit(failures === 0 && loadFailures === 0 ? 0 : 1);
