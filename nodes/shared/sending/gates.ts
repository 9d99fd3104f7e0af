import { onAbort } from '../signals/onAbort';
import { Pacer, QUOTA_WINDOW_MS } from './pace';
import type { Bucket } from './requestSpec';
import { CancelledError } from './wait';

/**
 * What every execution of the node in this n8n process shares about one LeanCloud app: a pacer per
 * rate-limit bucket (so a quota learned from one execution's 429 paces all of them) and a FIFO lane per
 * conversation (so requests for one conversation leave in the order their executions reached the node,
 * never two at once). CRM webhooks start one execution per event; without this each would pace and order
 * only itself.
 *
 * Module state, not a global: n8n loads the node module once per process, and every execution imports the
 * same instance. Keys hold the API server, App ID and bucket or conversation; never a key or signature.
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

/** One place in a conversation's line. */
export interface Ticket {
	readonly lane: string;
	/** Resolves when it is this ticket's turn. */
	readonly turn: Promise<void>;
	open(): void;
	released: boolean;
}

const lanes = new Map<string, Ticket[]>();

/**
 * Takes the next place in `lane`. Callers reserve all of an execution's places in one synchronous loop, so
 * no other execution's places come between them.
 */
export function reserve(lane: string): Ticket {
	let open = () => {};
	const turn = new Promise<void>((resolve) => {
		open = resolve;
	});
	const ticket: Ticket = { lane, turn, open, released: false };
	const queue = lanes.get(lane);
	if (queue) queue.push(ticket);
	else {
		lanes.set(lane, [ticket]);
		ticket.open();
	}
	return ticket;
}

/** Waits for the ticket's turn, or rejects at once when `signal` aborts (the ticket keeps its place until released). */
export async function waitTurn(ticket: Ticket, signal?: AbortSignal): Promise<void> {
	if (signal?.aborted) throw new CancelledError();
	if (!signal) return await ticket.turn;
	await new Promise<void>((resolve, reject) => {
		const stopWatching = onAbort(signal, () => reject(new CancelledError()));
		void ticket.turn.then(() => {
			stopWatching();
			resolve();
		});
	});
}

/** Gives the place up (done, failed or cancelled); the next ticket in its lane gets its turn. Idempotent. */
export function release(ticket: Ticket): void {
	if (ticket.released) return;
	ticket.released = true;
	const queue = lanes.get(ticket.lane);
	if (!queue) return;
	const index = queue.indexOf(ticket);
	if (index < 0) return;
	queue.splice(index, 1);
	if (queue.length === 0) lanes.delete(ticket.lane);
	else if (index === 0) queue[0].open();
}

/** For tests and diagnostics: how many gates and lanes are held. */
export function gateStats(): { gates: number; lanes: number; tickets: number } {
	let tickets = 0;
	for (const queue of lanes.values()) tickets += queue.length;
	return { gates: gates.size, lanes: lanes.size, tickets };
}

/** Forgets every gate and lane (tests start each case from a fresh process state). */
export function resetGates(): void {
	gates.clear();
	lanes.clear();
}
