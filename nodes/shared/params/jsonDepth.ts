/**
 * Deepest nesting accepted in JSON parameters and parsed message content. LeanCloud's payloads are a few
 * levels deep; thousands of levels would overflow the stack wherever the value is later serialised (our
 * size check, n8n's HTTP helper, n8n's execution data), failing the whole node instead of one item.
 */
export const MAX_JSON_DEPTH = 64;

/** Whether `value` nests objects or arrays deeper than `max`, checked without recursion. */
export function nestedDeeperThan(value: unknown, max = MAX_JSON_DEPTH): boolean {
	const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
	while (stack.length) {
		const { value: current, depth } = stack.pop() as { value: unknown; depth: number };
		if (typeof current !== 'object' || current === null) continue;
		if (depth >= max) return true;
		for (const child of Object.values(current)) {
			if (typeof child === 'object' && child !== null) stack.push({ value: child, depth: depth + 1 });
		}
	}
	return false;
}
