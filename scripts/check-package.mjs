// Verifies what `npm pack` would publish: only dist/, README, LICENSE and package.json, and every file the
// package.json `n8n` section names, plus the icons and codex those files reference.
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

if (problems.length) {
	console.error(problems.join('\n'));
	process.exit(1);
}
console.log(`package OK: ${files.length} files, ${(report.size / 1024).toFixed(1)} kB packed`);
