// Verifies what `npm pack` would publish: only dist/, README, LICENSE and package.json, and every file the
// package.json `n8n` section names, plus the icons and codex those files reference; and that the package's
// repository, homepage, bugs and author agree with each other, the README and the codex links (n8n's verification
// matches the npm package against its public repository).
//   --release REF --ref-type tag|branch [--dry-run]   also checks a release (publish.yml): the tag is v + the
//   package.json version, CHANGELOG.md has a dated section for it; from a branch only a dry run is allowed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const [report] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' }));
const files = report.files.map((/** @type {{ path: string }} */ file) => file.path);

const problems = [];
for (const file of files) {
	if (!/^(dist\/|README\.md$|LICENSE$|package\.json$)/.test(file)) problems.push(`unexpected file in the package: ${file}`);
	if (/\.test\.|\/test\//.test(file)) problems.push(`test file in the package: ${file}`);
}
const required = [
	...pkg.n8n.nodes,
	...pkg.n8n.credentials,
	'dist/nodes/LeanCloudIm/LeanCloudIm.node.json',
	'dist/nodes/LeanCloudImTrigger/LeanCloudImTrigger.node.json',
	'dist/icons/leancloud-im.svg',
	'dist/icons/leancloud-im.dark.svg',
	'README.md',
	'LICENSE',
];
for (const file of required) if (!files.includes(file)) problems.push(`missing from the package: ${file}`);
if (pkg.dependencies && Object.keys(pkg.dependencies).length) problems.push('package.json has runtime dependencies');

// One public repository, named alike everywhere.
const repository = /^git\+(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\.git$/.exec(pkg.repository?.url ?? '')?.[1];
if (!repository) problems.push(`package.json repository.url must be git+https://github.com/<owner>/<repo>.git, got ${pkg.repository?.url}`);
else {
	if (pkg.homepage !== `${repository}#readme`) problems.push(`package.json homepage must be ${repository}#readme`);
	if (pkg.bugs?.url !== `${repository}/issues`) problems.push(`package.json bugs.url must be ${repository}/issues`);
	const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
	if (!readme.includes(repository)) problems.push(`README.md does not name the repository ${repository}`);
	for (const codex of ['nodes/LeanCloudIm/LeanCloudIm.node.json', 'nodes/LeanCloudImTrigger/LeanCloudImTrigger.node.json']) {
		const links = JSON.parse(readFileSync(new URL(`../${codex}`, import.meta.url), 'utf8')).resources.primaryDocumentation.map((/** @type {{ url: string }} */ link) => link.url);
		for (const url of links) if (!url.startsWith(`${repository}#`)) problems.push(`${codex}: documentation link ${url} is not in ${repository}`);
	}
}
if (!pkg.author?.name || !pkg.author?.email) problems.push('package.json author needs a name and an email');
const changelog = readFileSync(new URL('../CHANGELOG.md', import.meta.url), 'utf8');
if (!/^## \[Unreleased\]/m.test(changelog) && !changelog.includes(`## [${pkg.version}]`)) problems.push('CHANGELOG.md has neither an [Unreleased] section nor one for this version');

const args = process.argv.slice(2);
const releaseAt = args.indexOf('--release');
if (releaseAt >= 0) {
	const ref = args[releaseAt + 1] ?? '';
	const refType = args[args.indexOf('--ref-type') + 1] ?? '';
	const dryRun = args.includes('--dry-run');
	if (refType === 'tag') {
		if (ref !== `v${pkg.version}`) problems.push(`the tag ${ref} is not v${pkg.version}, the version in package.json: bump with \`npm version\` and push that tag`);
	} else if (!dryRun) {
		problems.push(`publishing from ${refType || 'an unknown ref'} ${ref}: publish only from a v* tag (a manual run from a branch must be a dry run)`);
	}
	if (!new RegExp(`^## \\[${pkg.version.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm').test(changelog) && !dryRun) {
		problems.push(`CHANGELOG.md has no dated section "## [${pkg.version}] - YYYY-MM-DD" for this release`);
	}
}

if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(`package OK: ${files.length} files, ${(report.size / 1024).toFixed(1)} kB packed`);
