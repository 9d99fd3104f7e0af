/** The trigger's cursor rules, as pure functions. */
import { advance, MAX_SEEN, OVERLAP_MS, readFrom, startCursor } from '../../nodes/LeanCloudImTrigger/cursor';

const T0 = 1_764_064_800_000;
/** The poll's own time in these cases: a minute after T0. */
const NOW = T0 + 60_000;

test('reads from the position less the overlap, or right after the record a capped poll stopped at', () => {
	expect(readFrom(startCursor('k', T0))).toEqual({ time: T0 - OVERLAP_MS });
	const { next } = advance(startCursor('k', T0), [{ id: 'a', time: T0 + 1 }], true, NOW);
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
		NOW,
	);
	expect(next.seen).toEqual([['new', T0 + 10]]);
});

test('past MAX_SEEN IDs in the window, the oldest go and the floor keeps them from coming back', () => {
	const burst = Array.from({ length: MAX_SEEN + 10 }, (_, index) => ({ id: `m${index}`, time: T0 + index }));
	const { fresh, next } = advance(startCursor('k', T0), burst, false, NOW);
	expect(fresh).toHaveLength(MAX_SEEN + 10);
	expect(next.seen).toHaveLength(MAX_SEEN);
	expect(next.floor).toBe(T0 + 10);
	// Re-read in the next overlap, the dropped ones are not reported again.
	expect(advance(next, burst.slice(0, 20), false, NOW).fresh).toEqual([]);
});

test('a record stamped years ahead is reported once, but moves the position no further than the poll\'s own time', () => {
	const tenYears = T0 + 10 * 365 * 86_400_000;
	const { fresh, next } = advance(startCursor('k', T0), [{ id: 'real', time: T0 + 5 }, { id: 'future', time: tenYears }], false, NOW);
	expect(fresh.map((record) => record.id)).toEqual(['real', 'future']);
	expect(next.position).toBe(NOW);
	// A real message sent after that poll is still read and reported; the odd one is not repeated.
	const later = advance(next, [{ id: 'later', time: NOW + 1_000 }, { id: 'future', time: tenYears }], false, NOW + 5_000);
	expect(later.fresh.map((record) => record.id)).toEqual(['later']);
});

test('the position never moves back', () => {
	const { next } = advance(startCursor('k', T0), [{ id: 'late', time: T0 - 60_000 }], false, NOW);
	expect(next.position).toBe(T0);
});

test('a capped poll whose last record lies ahead of now does not resume from it', () => {
	const { next } = advance(startCursor('k', T0), [{ id: 'a', time: T0 + 1 }, { id: 'far', time: NOW + 1 }], true, NOW);
	expect(next.resume).toBeUndefined();
	expect(readFrom(next)).toEqual({ time: NOW - OVERLAP_MS });
});
