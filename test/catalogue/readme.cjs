// Reads README's operations table (a .cjs file: the node's lint rules keep fs out of .ts files).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/**
 * The rows of one of README's endpoint tables (the one under the heading `### <section>`: "Every endpoint" for the
 * /1.2/rtm endpoints, "Files" for the storage API's): endpoint and the "Resource > Operation" names that cover it.
 * @param {string} [section]
 */
function readmeRows(section = 'Every endpoint') {
	const whole = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
	const start = whole.indexOf(`\n### ${section}\n`);
	if (start === -1) throw new Error(`README has no section "### ${section}"`);
	const rest = whole.slice(start + section.length + 6);
	const end = rest.search(/\n#{2,3} /);
	const readme = end === -1 ? rest : rest.slice(0, end);
	const rows = [];
	for (const match of readme.matchAll(/^\| `((?:GET|POST|PUT|DELETE) \/[^`]*)` \| ([^|]+) \|/gm)) {
		rows.push({ endpoint: match[1], operations: match[2].split(';').map((name) => name.trim()) });
	}
	return rows;
}

/**
 * The operations README's "Operations" table lists for a resource (the names before the row's first colon).
 * @param {string} resource
 */
function readmeOperations(resource) {
	const whole = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
	const row = whole.split('\n').find((line) => line.startsWith(`| ${resource} | `)) ?? '';
	return (row.split(' | ')[1] ?? '').split(':')[0].split(', ').filter(Boolean);
}

module.exports = { readmeRows, readmeOperations };
