import { onAbort } from '../../../nodes/shared/signals/onAbort';

test('every watcher of a signal is called once when it aborts, through one shared listener', () => {
	const controller = new AbortController();
	const calls: number[] = [];
	const add = jest.spyOn(controller.signal, 'addEventListener');
	const stops = Array.from({ length: 20 }, (_, index) => onAbort(controller.signal, () => calls.push(index)));
	// One listener for twenty watchers: Node warns past ten listeners on one signal.
	expect(add).toHaveBeenCalledTimes(1);
	stops[3]();
	controller.abort();
	controller.abort();
	expect(calls).toEqual(Array.from({ length: 20 }, (_, index) => index).filter((index) => index !== 3));
});

test('a signal already aborted calls the watcher at once', () => {
	const controller = new AbortController();
	controller.abort();
	let called = 0;
	onAbort(controller.signal, () => called++);
	expect(called).toBe(1);
});
