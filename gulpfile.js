// Copies the static assets tsc does not emit (icons, codex files) into dist/, beside the compiled code
// that references them: n8n resolves `file:` icons relative to the node or credential file.
const { src, dest, parallel } = require('gulp');

function copyIcons() {
	return src('icons/*.svg', { encoding: false }).pipe(dest('dist/icons'));
}

function copyNodeAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.png', 'nodes/**/*.node.json'], {
		encoding: false,
		allowEmpty: true,
	}).pipe(dest('dist/nodes'));
}

exports.build = parallel(copyIcons, copyNodeAssets);
exports.default = exports.build;
