import { CancelledError } from '../../shared/errors/cancelledError';
import { onAbort } from '../../shared/signals/onAbort';

/**
 * A FIFO lane per conversation, shared by every execution of the node in this n8n process: requests for one
 * conversation leave in the order their executions reached the node, never two at once (a webhook per CRM
 * event starts one execution each). Module state, like the shared pacers; lane keys hold the app's identity
 * and the conversation ID, never a key.
 */

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

/** For tests and diagnostics: how many lanes and places are held. */
export function laneStats(): { lanes: number; tickets: number } {
	let tickets = 0;
	for (const queue of lanes.values()) tickets += queue.length;
	return { lanes: lanes.size, tickets };
}

/** Forgets every lane (tests start each case from a fresh process state). */
export function resetLanes(): void {
	lanes.clear();
}
