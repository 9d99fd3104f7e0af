// Every test file runs n8n-core against the run's throw-away user folder (made by global.cjs). This lives
// in a .cjs file because the community-node lint forbids `process` in TypeScript files.
if (!process.env.N8N_USER_FOLDER_FOR_TESTS) throw new Error('N8N_USER_FOLDER_FOR_TESTS is not set: run the tests through jest.config.cjs');
process.env.N8N_USER_FOLDER = process.env.N8N_USER_FOLDER_FOR_TESTS;
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL = 'silent';
