// The little of gulp that gulpfile.js uses (gulp ships no types), for the strict check of the JavaScript.
declare module 'gulp' {
	interface Stream {
		pipe(destination: NodeJS.WritableStream): NodeJS.ReadableStream;
	}
	type Task = () => NodeJS.ReadableStream | Stream;
	export function src(globs: string | string[], options?: { encoding?: boolean; allowEmpty?: boolean }): Stream;
	export function dest(folder: string): NodeJS.WritableStream;
	export function parallel(...tasks: Task[]): Task;
}
