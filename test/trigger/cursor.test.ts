/** The trigger's cursor rules, as pure functions. */
import { advance, MAX_SEEN, OVERLAP_MS, readFrom, startCursor } from '../../nodes/LeanCloudImTrigger/cursor';

const T0 = 1_764_064_800_000;

test('reads from the position less the overlap, or right after the record a capped poll stopped at', () => {
	expect(readFrom(startCursor('k', T0))).toEqual({ time: T0 - OVERLAP_MS });
	const { next } = advance(startCursor('k', T0), [{ id: 'a', time: T0 + 1 }], true);
	expect(readFrom(next)).toEqual({ time: T0 + 1, afterId: 'a' });
});

test('remembers only the IDs inside the next overlap window', () => {
	const { next } = advance(
		startCursor('k', T0),
		[
			{ id: 'old', time: T0 - OVERLAP_MS * 3 },
			{ id: 'new', time: T0 + 10 },
		],
		false,
	);
	expect(next.seen).toEqual([['new', T0 + 10]]);
});

test('past MAX_SEEN IDs in the window, the oldest go and the floor keeps them from coming back', () => {
	const burst = Array.from({ length: MAX_SEEN + 10 }, (_, index) => ({ id: `m${index}`, time: T0 + index }));
	const { fresh, next } = advance(startCursor('k', T0), burst, false);
	expect(fresh).toHaveLength(MAX_SEEN + 10);
	expect(next.seen).toHaveLength(MAX_SEEN);
	expect(next.floor).toBe(T0 + 10);
	// Re-read in the next overlap, the dropped ones are not reported again.
	expect(advance(next, burst.slice(0, 20), false).fresh).toEqual([]);
});
