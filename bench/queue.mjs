// `npm run bench:queue`: the same CRM-event storm through n8n's queue mode: a main instance taking the webhooks
// and two `n8n worker` processes running the executions, with Redis and PostgreSQL started for the run
// (scripts/services.mjs) and stopped after it. Each worker gates itself (quota and order are shared inside one
// process only), so the 429 handling is the safety net across workers. Two runs: default options (quota
// learned), and Message Quota set to the app's quota divided by the number of workers. About 8 minutes.
import { startN8n, stopProcess } from '../scripts/n8n-instance.mjs';
import { freePort, startPostgres, startRedis } from '../scripts/services.mjs';
import { delivery, n8nWith, nodeWorkflow, quotaMinimumMs, settleDelivery, startSandbox, storm } from './storm.mjs';

const WORKERS = 2;
// LeanCloud's rule as documented: a per-minute window, 429 for one window after a breach, no Retry-After.
const QUOTA = { limit: 100, windowMs: 60_000 };
const EVENTS = 200;
/** @type {(ms: number) => Promise<void>} */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @type {Array<{ run: string, measure: string, value: string }>} */
const rows = [];
/**
 * @param {string} run
 * @param {string} measure
 * @param {string} value
 */
function row(run, measure, value) {
	rows.push({ run, measure, value });
	process.stderr.write(`  ${run} | ${measure}: ${value}\n`);
}

const redis = await startRedis();
const postgres = await startPostgres();
const sandbox = await startSandbox({ port: 0, logRequests: true, retryAfterHeader: false, limits: { normal: QUOTA } });
const env = {
	EXECUTIONS_MODE: 'queue',
	QUEUE_BULL_REDIS_HOST: '127.0.0.1',
	QUEUE_BULL_REDIS_PORT: String(redis.port),
	DB_TYPE: 'postgresdb',
	DB_POSTGRESDB_HOST: '127.0.0.1',
	DB_POSTGRESDB_PORT: String(postgres.port),
	DB_POSTGRESDB_DATABASE: 'n8n',
	DB_POSTGRESDB_USER: 'postgres',
	DB_POSTGRESDB_PASSWORD: '',
};
// Per-worker quota for the second run: the app's quota shared by the workers, in requests per minute.
const perWorkerPerMinute = Math.floor((QUOTA.limit / WORKERS) * (60_000 / QUOTA.windowMs));
const workflows = [
	nodeWorkflow('lcimQueueAuto0001', 'queue-auto'),
	{ ...nodeWorkflow('lcimQueueSplit001', 'queue-split'), name: 'Storm: node with Message Quota per worker' },
];
const split = workflows[1].nodes.find((node) => node.name === 'Send');
if (!split) throw new Error('The storm workflow has no Send node');
/** @type {Record<string, unknown>} */ (split.parameters).options = { quota: 'custom', customQuota: perWorkerPerMinute };

const mainPort = await freePort();
const instance = await n8nWith({ sandbox, workflows, port: mainPort, env, start: false });
// Every n8n process runs its own task broker: each needs its own port.
const main = await startN8n(instance.runtime, instance.userFolder, mainPort, { quiet: true, env: { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) } });
const workers = [];
try {
	for (let index = 0; index < WORKERS; index++) {
		const healthPort = await freePort();
		workers.push(await startN8n(instance.runtime, instance.userFolder, healthPort, { quiet: true, command: 'worker', env: { ...env, N8N_RUNNERS_BROKER_PORT: String(await freePort()), QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) } }));
	}
	for (const [run, path] of [
		['default options (quota learned)', 'queue-auto'],
		[`Message Quota ${perWorkerPerMinute}/min per worker (app quota / ${WORKERS})`, 'queue-split'],
	]) {
		await sleep(QUOTA.windowMs + 500);
		const targets = Array.from({ length: 20 }, (_, index) => sandbox.store.createConversation({ name: `${path} ${index}`, m: ['crm-bot'] }).objectId);
		const before = sandbox.requests.length;
		const started = Date.now();
		const { calls } = await storm({ url: `http://127.0.0.1:${mainPort}`, path, conversations: targets, count: EVENTS, gapMs: 50 });
		await settleDelivery(sandbox, calls, EVENTS, QUOTA.windowMs * 2 + 15_000, 10 * 60_000);
		const { delivered, duplicates, violations, lastAt } = delivery(sandbox, calls);
		const rejected = sandbox.requests.slice(before).filter((request) => request.status === 429).length;
		row(run, 'delivered / failed', `${delivered} / ${EVENTS - delivered}`);
		row(run, 'duplicates', String(duplicates));
		row(run, 'per-conversation order violations', String(violations));
		row(run, '429s per delivered message', `${(rejected / Math.max(1, delivered)).toFixed(3)} (${rejected} in all)`);
		row(run, 'time vs the quota minimum', `${((lastAt - started) / quotaMinimumMs(EVENTS, QUOTA)).toFixed(2)}`);
	}
} finally {
	for (const worker of workers) await stopProcess(worker.child);
	await stopProcess(main.child);
	await instance.stop();
	await sandbox.close();
	await postgres.stop();
	await redis.stop();
}

process.stdout.write(`\nQueue mode: main + ${WORKERS} workers, Redis, PostgreSQL; ${EVENTS} events 50 ms apart over 20 conversations; quota ${QUOTA.limit} per ${QUOTA.windowMs / 1000} s, 429 for one window after a breach, no Retry-After (as documented).\n\n| run | measure | result |\n|---|---|---|\n`);
for (const { run, measure, value } of rows) process.stdout.write(`| ${run} | ${measure} | ${value} |\n`);
process.exit(0);
