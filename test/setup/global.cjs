// One throw-away n8n user folder for the whole test run, created before the workers start (they inherit
// the environment) and removed after the last file: n8n-core writes its instance settings under
// N8N_USER_FOLDER (default ~/.n8n), and tests must neither touch the user's real n8n nor leave folders
// behind in the system temp directory. Setup and teardown run in jest's parent process.
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async function globalSetup() {
	process.env.N8N_USER_FOLDER_FOR_TESTS = mkdtempSync(join(tmpdir(), 'n8n-leancloud-im-test-'));
};

module.exports.teardown = async function globalTeardown() {
	const folder = process.env.N8N_USER_FOLDER_FOR_TESTS;
	if (folder) rmSync(folder, { recursive: true, force: true });
};
