/** The text as a URL, or undefined when it is not one (the URL parser throws; callers say what is wrong in their words). */
export function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}
