// Reads README's operations table (a .cjs file: the node's lint rules keep fs out of .ts files).
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

/** The rows of README's operations table: endpoint and the "Resource > Operation" names that cover it. */
function readmeRows() {
	const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
	const rows = [];
	for (const match of readme.matchAll(/^\| `((?:GET|POST|PUT|DELETE) \/[^`]*)` \| ([^|]+) \|/gm)) {
		rows.push({ endpoint: match[1], operations: match[2].split(';').map((name) => name.trim()) });
	}
	return rows;
}

module.exports = { readmeRows };
