import type { INodeExecutionData } from 'n8n-workflow';

/** Past this many, listed items are summarised ("… and 180 more"). */
const MAX_LISTED = 20;

/** "4-7, 9, 12-19" for sorted item indexes. */
export function itemRanges(indexes: number[]): string {
	const parts: string[] = [];
	for (let start = 0; start < indexes.length; ) {
		let end = start;
		while (end + 1 < indexes.length && indexes[end + 1] === indexes[end] + 1) end++;
		parts.push(end === start ? String(indexes[start]) : `${indexes[start]}-${indexes[end]}`);
		start = end + 1;
	}
	return parts.join(', ');
}

function describeDone(itemIndex: number, output: INodeExecutionData[]): string {
	const messageId = output[0]?.json?.messageId;
	return typeof messageId === 'string' ? `item ${itemIndex} (message ${messageId})` : `item ${itemIndex}`;
}

/**
 * What happened to the other items when the node stopped at `failedIndex`: which were done before the stop
 * (with their message IDs, so a re-run can skip them) and which were not sent. Undefined for a single item.
 */
export function stopReport(results: Array<INodeExecutionData[] | undefined>, failedIndex: number, count: number): string | undefined {
	if (count <= 1) return undefined;
	const done: string[] = [];
	const notSent: number[] = [];
	for (let index = 0; index < count; index++) {
		if (index === failedIndex) continue;
		const output = results[index];
		if (output === undefined) notSent.push(index);
		else if (!output.some((item) => item.json.error !== undefined)) done.push(describeDone(index, output));
	}
	const lines = [`The node stopped at item ${failedIndex}.`];
	if (done.length) {
		const listed = done.slice(0, MAX_LISTED).join(', ');
		const more = done.length > MAX_LISTED ? ` … and ${done.length - MAX_LISTED} more` : '';
		lines.push(`Done before the stop (${done.length}; not to be sent again): ${listed}${more}.`);
	} else {
		lines.push('No other item was done before the stop.');
	}
	lines.push(notSent.length ? `Not sent (${notSent.length}): items ${itemRanges(notSent)}.` : 'Every other item was sent.');
	lines.push('To go on without duplicates, run again with only the items not sent, or turn on Continue On Fail to get one result per item.');
	return lines.join(' ');
}
