/**
 * A rich message's content with a new `_lctext` and every other byte as it was: a rewrite changes only the text, so
 * numbers past 2^53, key order, escapes and spacing in the rest reach receivers exactly as the sender wrote them
 * (parsing and serialising again would round `9007199254740993` to `…992`). `json` must be a valid JSON object (the
 * caller has parsed it); the scan is a loop, not a recursion.
 */
export function replaceText(json: string, text: string): string {
	const value = JSON.stringify(text);
	const open = skipSpace(json, 0);
	let index = open + 1;
	let last: { start: number; end: number } | undefined;
	let members = 0;
	for (;;) {
		index = skipSpace(json, index);
		if (json[index] === '}') break;
		const keyEnd = stringEnd(json, index);
		const key = JSON.parse(json.slice(index, keyEnd)) as string;
		const start = skipSpace(json, skipSpace(json, keyEnd) + 1);
		const end = valueEnd(json, start);
		// JSON.parse keeps the last of duplicate keys: so does the rewrite.
		if (key === '_lctext') last = { start, end };
		members += 1;
		index = skipSpace(json, end);
		if (json[index] === ',') index += 1;
	}
	if (last) return json.slice(0, last.start) + value + json.slice(last.end);
	return `${json.slice(0, open + 1)}"_lctext":${value}${members ? ',' : ''}${json.slice(open + 1)}`;
}

function skipSpace(json: string, from: number): number {
	let index = from;
	while (index < json.length && ' \t\n\r'.includes(json[index])) index += 1;
	return index;
}

/** The index just past the string that starts at `from` (a `"`). */
function stringEnd(json: string, from: number): number {
	let index = from + 1;
	while (index < json.length && json[index] !== '"') index += json[index] === '\\' ? 2 : 1;
	return index + 1;
}

/** The index just past the value that starts at `from`. */
function valueEnd(json: string, from: number): number {
	const first = json[from];
	if (first === '"') return stringEnd(json, from);
	if (first !== '{' && first !== '[') {
		let index = from;
		while (index < json.length && !',}] \t\n\r'.includes(json[index])) index += 1;
		return index;
	}
	let depth = 0;
	let index = from;
	while (index < json.length) {
		const character = json[index];
		if (character === '"') {
			index = stringEnd(json, index);
			continue;
		}
		if (character === '{' || character === '[') depth += 1;
		else if (character === '}' || character === ']') depth -= 1;
		index += 1;
		if (depth === 0) return index;
	}
	return index;
}
