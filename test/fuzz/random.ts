/** A seeded generator, so every fuzz failure can be replayed. */
export function random(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state * 1664525 + 1013904223) >>> 0;
		return state / 2 ** 32;
	};
	const int = (max: number) => Math.floor(next() * max);
	const pick = <T>(values: T[]) => values[int(values.length)];
	const PIECES = ['/', '..', '.', '%2F', '%2e%2e', '?', '#', '&', '=', '\r\n', '\n', ' ', '\\', '%', '%00', '\u0000', '会话', '🙂', 'é', '"', "'", '<', '>', '{', '}', 'a', 'Z', '0', '-', '_', '~'];
	const string = (maxPieces = 12) =>
		Array.from({ length: 1 + int(maxPieces) }, () => (next() < 0.1 ? 'x'.repeat(int(300)) : pick(PIECES))).join('');
	const value = (): unknown =>
		pick<() => unknown>([
			() => string(),
			() => int(2 ** 31) - 2 ** 30,
			() => next() * 1e6,
			() => next() < 0.5,
			() => null,
			() => '',
			() => [string(), int(100)],
			() => ({ [string(3)]: string(3) }),
			() => JSON.stringify({ a: string(3) }),
			() => '{not json',
			() => Number.NaN,
		])();
	return { next, int, pick, string, value };
}
