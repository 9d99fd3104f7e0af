// How long the event loop was blocked while some work ran, for the hostile-answer tests. A .cjs file: test TypeScript
// may not use Node's timers or perf_hooks (the community-node lint rules cover it too).
const { monitorEventLoopDelay } = require('node:perf_hooks');

/**
 * The longest the event loop was blocked while `work` ran, in ms (a 10 ms resolution monitor). A block is recorded
 * when the monitor's next sample comes after it, so the loop is let turn once more before the figure is read (not a
 * race: the sample only has to happen, whenever it does).
 * @template T
 * @param {() => Promise<T>} work
 * @returns {Promise<{ value: T, blockedMs: number }>}
 */
async function longestBlock(work) {
	const monitor = monitorEventLoopDelay({ resolution: 10 });
	monitor.enable();
	try {
		const value = await work();
		await new Promise((resolve) => setTimeout(resolve, 50));
		return { value, blockedMs: monitor.max / 1e6 };
	} finally {
		monitor.disable();
	}
}

/**
 * The least of up to `attempts` runs of longestBlock, stopping at the first under `boundMs`: what the work itself
 * blocks, with the noise of a loaded machine (the process descheduled, another suite's burst) filtered out. A
 * regression blocks in every attempt; the attempts' figures are all returned, for the failure message.
 * @template T
 * @param {() => Promise<T>} work
 * @param {number} boundMs
 * @param {number} [attempts]
 * @returns {Promise<{ value: T, blockedMs: number, attemptsMs: number[] }>}
 */
async function leastBlock(work, boundMs, attempts = 3) {
	/** @type {number[]} */
	const attemptsMs = [];
	/** @type {{ value: T, blockedMs: number } | undefined} */
	let best;
	for (let attempt = 0; attempt < attempts; attempt++) {
		const measured = await longestBlock(work);
		attemptsMs.push(Math.round(measured.blockedMs));
		if (!best || measured.blockedMs < best.blockedMs) best = measured;
		if (measured.blockedMs < boundMs) break;
	}
	const { value, blockedMs } = /** @type {{ value: T, blockedMs: number }} */ (best);
	return { value, blockedMs, attemptsMs };
}

module.exports = { longestBlock, leastBlock };
