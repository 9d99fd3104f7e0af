import { Pacer, QUOTA_WINDOW_MS } from './pace';
import type { Bucket } from './requestSpec';

/**
 * What every execution in this n8n process shares about one LeanCloud app's quota: a pacer per rate-limit
 * bucket, so a quota learned from one execution's 429 paces all of them. CRM webhooks start one execution per
 * event; without this each would pace only itself. (The action node's conversation lanes are its engine's.)
 *
 * Module state, not a global: n8n loads the node module once per process, and every execution imports the
 * same instance. Keys hold the API server, App ID and bucket; never a key or signature.
 */

/** A gate unused this long is dropped (its learned quota is stale by then too). */
const IDLE_MS = 10 * QUOTA_WINDOW_MS;

interface Gate {
	pacer: Pacer;
	/** The quota a user configured last (Message Quota), so a change is applied and auto mode restarts learning. */
	configured?: number;
	usedAt: number;
}

const gates = new Map<string, Gate>();

function sweep(now: number): void {
	for (const [key, gate] of gates) if (now - gate.usedAt > IDLE_MS) gates.delete(key);
}

/** The app's identity for gate and lane keys: API server and App ID, nothing secret. */
export function appKey(apiServer: string, appId: string): string {
	return `${apiServer}|${appId}`;
}

/**
 * The shared pacer of one app's bucket. `configuredLimit` is the execution's Message Quota (undefined = learn it
 * from 429s): a configured quota is applied to the shared pacer; auto keeps what was learned.
 */
export function sharedPacer(app: string, bucket: Bucket, configuredLimit: number | undefined): Pacer {
	const now = Date.now();
	sweep(now);
	const key = `${app}|${bucket}`;
	let gate = gates.get(key);
	if (!gate) {
		gate = { pacer: new Pacer(configuredLimit, QUOTA_WINDOW_MS), configured: configuredLimit, usedAt: now };
		gates.set(key, gate);
	} else if (configuredLimit !== undefined && configuredLimit !== gate.configured) {
		gate.pacer.configure(configuredLimit);
		gate.configured = configuredLimit;
	}
	gate.usedAt = now;
	return gate.pacer;
}

/** For tests and diagnostics: how many pacers are held. */
export function pacerCount(): number {
	return gates.size;
}

/** Forgets every pacer (tests start each case from a fresh process state). */
export function resetPacers(): void {
	gates.clear();
}
