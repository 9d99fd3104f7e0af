// What nodes write to n8n's log, for tests that assert a warning. A .cjs file: test TypeScript may not import
// node:module (the community-node lint rules cover it too).
const { createRequire } = require('node:module');

/**
 * The warnings n8n's logger gets from now until `stop()`. Nodes log through the one Logger of n8n-core's container,
 * as in the real app; n8n-core may have its own nested copies of the container and logger, so they are taken from it.
 * @returns {{ messages: string[], stop(): void }}
 */
function captureWarnings() {
	const fromCore = createRequire(require.resolve('n8n-core'));
	const { Container } = fromCore('@n8n/di');
	const { Logger } = fromCore('@n8n/backend-common');
	const logger = Container.get(Logger);
	/** @type {string[]} */
	const messages = [];
	const original = logger.warn;
	logger.warn = (/** @type {string} */ message) => {
		messages.push(message);
	};
	return { messages, stop: () => (logger.warn = original) };
}

module.exports = { captureWarnings };
