import { sleep } from 'n8n-workflow';

import { runScheduled } from '../../nodes/LeanCloudIm/engine/schedule';
import { wait } from '../../nodes/shared/sending/wait';
import { CancelledError } from '../../nodes/shared/errors/cancelledError';

/** Runs tasks with the given keys; each takes `ms`; records start/end order and the peak of tasks in flight. */
async function simulate(keys: Array<string | undefined>, concurrency: number, ms = 5) {
	const events: string[] = [];
	let inFlight = 0;
	let peak = 0;
	const perKey = new Map<string, number>();
	let keyOverlap = false;
	await runScheduled(
		keys.length,
		concurrency,
		(index) => keys[index],
		async (index) => {
			const key = keys[index];
			inFlight++;
			peak = Math.max(peak, inFlight);
			if (key !== undefined) {
				if (perKey.get(key)) keyOverlap = true;
				perKey.set(key, 1);
			}
			events.push(`start ${index}`);
			await wait(ms);
			events.push(`end ${index}`);
			if (key !== undefined) perKey.set(key, 0);
			inFlight--;
		},
	);
	return { events, peak, keyOverlap };
}

const startOrder = (events: string[]) => events.filter((event) => event.startsWith('start')).map((event) => Number(event.split(' ')[1]));

test('never more than `concurrency` tasks in flight, and all of them run', async () => {
	const { events, peak } = await simulate(Array.from({ length: 40 }, () => undefined), 4);
	expect(peak).toBe(4);
	expect(startOrder(events).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, index) => index));
});

test('tasks of one key never overlap and run in input order, while other keys proceed', async () => {
	const keys = ['a', 'a', 'b', 'a', 'c', 'b', 'a', 'c'];
	const { events, keyOverlap, peak } = await simulate(keys, 3);
	expect(keyOverlap).toBe(false);
	for (const key of ['a', 'b', 'c']) {
		const expected = keys.map((value, index) => (value === key ? index : -1)).filter((index) => index >= 0);
		expect(startOrder(events).filter((index) => keys[index] === key)).toEqual(expected);
	}
	expect(peak).toBe(3);
});

test('one hot key does not block the others', async () => {
	const keys = ['hot', 'hot', 'hot', 'hot', 'x', 'y', 'z'];
	const { events } = await simulate(keys, 4, 10);
	// x, y and z start before the second "hot" task ends.
	const secondHotEnd = events.indexOf('end 1');
	for (const index of [4, 5, 6]) expect(events.indexOf(`start ${index}`)).toBeLessThan(secondHotEnd);
});

test('cancellation stops scheduling new tasks', async () => {
	const controller = new AbortController();
	const started: number[] = [];
	const run = runScheduled(
		100,
		2,
		() => undefined,
		async (index) => {
			started.push(index);
			if (index === 3) controller.abort();
			await wait(1);
		},
		controller.signal,
	);
	await expect(run).rejects.toBeInstanceOf(CancelledError);
	expect(started.length).toBeLessThan(8);
});

test('an aborted wait rejects at once', async () => {
	const controller = new AbortController();
	const waiting = wait(10_000, controller.signal);
	let outcome: unknown;
	waiting.catch((error: unknown) => (outcome = error));
	controller.abort();
	// Before any timer can fire: the rejection does not wait for the wait's next slice.
	await sleep(0);
	expect(outcome).toBeInstanceOf(CancelledError);
});
