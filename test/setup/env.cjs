// n8n-core writes its instance settings under N8N_USER_FOLDER (default ~/.n8n): point it at a
// throw-away folder so tests never touch the user's real n8n setup. This lives in a .cjs file because
// the community-node lint forbids `process` in TypeScript files.
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

if (!process.env.N8N_USER_FOLDER_FOR_TESTS) {
	process.env.N8N_USER_FOLDER_FOR_TESTS = mkdtempSync(join(tmpdir(), 'n8n-leancloud-im-test-'));
}
process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER_FOR_TESTS;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL = 'silent';
