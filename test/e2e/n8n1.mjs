// The same packed package in the last n8n 1.x, on this machine's Node 20: the package must load in both
// major versions (CommonJS / ES2019, no n8n-workflow API newer than 1.x).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { executeWorkflow, importCredential, importWorkflows, installPackage } from '../../scripts/n8n-instance.mjs';
import { N8N1_VERSION, ensureN8n } from '../../scripts/n8n-runtime.mjs';

/**
 * @param {{ tarball: string, sandbox: { url: string, appId: string, appKey: string, masterKey: string }, workflow: string, workflowId?: string }} options
 */
export async function runOnN8n1({ tarball, sandbox, workflow, workflowId = 'lcimE2eAllOps001' }) {
	const runtime = ensureN8n({ version: N8N1_VERSION, nodeMajor: 20 });
	const userFolder = mkdtempSync(join(tmpdir(), 'lcim-e2e-n8n1-'));
	try {
		installPackage(userFolder, tarball);
		await importCredential(runtime, userFolder, sandbox);
		await importWorkflows(runtime, userFolder, [workflow]);
		const result = await executeWorkflow(runtime, userFolder, workflowId);
		if (!result.run) throw new Error(`n8n ${N8N1_VERSION} produced no run (exit ${result.status}): ${result.stdout.slice(-1500)}`);
		return result.run;
	} finally {
		rmSync(userFolder, { recursive: true, force: true });
	}
}
