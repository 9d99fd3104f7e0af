import { IN_FLIGHT_RECHECK_MS, Pacer } from '../../../nodes/shared/sending/pace';

function clock() {
	let now = 1_000_000;
	return { now: () => now, advance: (ms: number) => (now += ms) };
}

test('a known quota allows a burst up to the limit, then one start per freed slot of the sliding window', () => {
	const time = clock();
	const pacer = new Pacer(3, 1000, time.now);
	for (let index = 0; index < 3; index++) {
		expect(pacer.delay()).toBe(0);
		pacer.finish(pacer.start());
		time.advance(100);
	}
	// Starts at 0, 100, 200 ms; now 300 ms: the next may start when the first leaves the window, at 1000 ms.
	expect(pacer.delay()).toBe(700);
	time.advance(700);
	expect(pacer.delay()).toBe(0);
});

test('no quota: no waiting until LeanCloud answers 429, then the quota is learned from what got through', () => {
	const time = clock();
	const pacer = new Pacer(undefined, 60_000, time.now);
	for (let index = 0; index < 5; index++) {
		expect(pacer.delay()).toBe(0);
		pacer.start();
		pacer.succeeded();
	}
	expect(pacer.rateLimited(2000)).toBe(2000);
	expect(pacer.quota).toEqual({ limit: 5, windowMs: 2000 });
	// Everyone waits out the block; a second 429 in the same block does not restart it or relearn.
	time.advance(500);
	expect(pacer.rateLimited(2000)).toBe(1500);
	expect(pacer.delay()).toBe(1500);
	time.advance(1500);
	for (let index = 0; index < 5; index++) {
		expect(pacer.delay()).toBe(0);
		pacer.finish(pacer.start());
	}
	expect(pacer.delay()).toBe(2000);
});

test('without Retry-After the block lasts the documented one-minute window', () => {
	const time = clock();
	const pacer = new Pacer(undefined, 60_000, time.now);
	pacer.start();
	pacer.succeeded();
	expect(pacer.rateLimited(undefined)).toBe(60_000);
	expect(pacer.quota).toEqual({ limit: 1, windowMs: 60_000 });
});

test('a quota that proves too high is lowered by the next 429', () => {
	const time = clock();
	const pacer = new Pacer(10, 1000, time.now);
	for (let index = 0; index < 4; index++) {
		pacer.start();
		pacer.succeeded();
	}
	pacer.rateLimited(1000);
	expect(pacer.quota.limit).toBe(4);
});

test('a place is held from the start until a window after the answer: network jitter cannot put one request too many in a server window', () => {
	const time = clock();
	const pacer = new Pacer(2, 1000, time.now);
	const first = pacer.start();
	time.advance(10);
	const second = pacer.start();
	// Both still on the wire a window and a half later: their places are held, whenever the server counts them.
	time.advance(1500);
	expect(pacer.delay()).toBe(IN_FLIGHT_RECHECK_MS);
	// The first answer comes back now: the server counted it at some moment up to now, so its place is free a
	// window later (counted from its start, it would have been free for 510 ms already).
	pacer.finish(first);
	expect(pacer.delay()).toBe(1000);
	pacer.finish(second);
	time.advance(1000);
	expect(pacer.delay()).toBe(0);
});
