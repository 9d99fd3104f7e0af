// n8n's binary data kept on disk ("filesystem" mode, as many instances run), for tests of the nodes' binary paths. A
// .cjs file: test TypeScript may not import node:module (the community-node lint rules cover it too).
const { mkdtempSync, rmSync } = require('node:fs');
const { createRequire } = require('node:module');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

/**
 * Switches n8n-core's binary data service (the one the node contexts use) to filesystem mode in a temporary folder;
 * returns the function that switches it back to memory and removes the folder. Each jest test file has its own
 * n8n-core, so this stays in it.
 * @returns {Promise<() => void>}
 */
async function useFilesystemBinaryData() {
	const storagePath = mkdtempSync(join(tmpdir(), 'lcim-binary-'));
	const fromCore = createRequire(require.resolve('n8n-core'));
	const { Container } = fromCore('@n8n/di');
	const { BinaryDataService } = require('n8n-core');
	const service = Container.get(BinaryDataService);
	const before = { mode: service.config.mode, localStoragePath: service.config.localStoragePath };
	service.config.mode = 'filesystem';
	service.config.localStoragePath = storagePath;
	await service.init();
	return () => {
		Object.assign(service.config, before);
		service.mode = 'default';
		service.managers = {};
		rmSync(storagePath, { recursive: true, force: true });
	};
}

module.exports = { useFilesystemBinaryData };
