/** @type {import('jest').Config} */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: {
		// Type checking runs in `npm run lint` (tsc --noEmit); jest only transpiles, which keeps it fast.
		'^.+\\.ts$': ['ts-jest', { diagnostics: false }],
	},
	globalSetup: '<rootDir>/test/setup/global.cjs',
	globalTeardown: '<rootDir>/test/setup/global-teardown.cjs',
	setupFiles: ['<rootDir>/test/setup/env.cjs'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/nock.ts'],
	testTimeout: 20000,
};
