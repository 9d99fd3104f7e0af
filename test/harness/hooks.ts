/**
 * Sequencing for tests that run several things at once, without racing the clock: wait for a state to be reached
 * (not for a time to pass), and hold server answers until the test lets them go. A slow machine makes these
 * tests slower, never red.
 */
import { sleep } from 'n8n-workflow';
import type { ReplyFnResult } from 'nock';

/** Resolves once `condition()` holds, checking after every few milliseconds; the test's own timeout bounds it. */
export async function until(condition: () => boolean): Promise<void> {
	while (!condition()) await sleep(5);
}

type NockCallback = (error: NodeJS.ErrnoException | null, reply: ReplyFnResult) => void;

/**
 * Answers a nock interceptor only when the test says so. Use `held.reply` as the interceptor's reply function;
 * `held.arrived` counts requests that reached it, `held.waiting` those not answered yet, and `held.release()`
 * answers the oldest waiting one with what `answer` gives for it.
 */
export function heldReplies(answer: (body: unknown, index: number) => ReplyFnResult) {
	const waiting: Array<() => void> = [];
	let arrived = 0;
	return {
		reply(_uri: string, body: unknown, callback: NockCallback): void {
			const index = arrived++;
			waiting.push(() => callback(null, answer(body, index)));
		},
		get arrived() {
			return arrived;
		},
		get waiting() {
			return waiting.length;
		},
		release(): void {
			const next = waiting.shift();
			if (!next) throw new Error('No request is waiting for an answer');
			next();
		},
	};
}
