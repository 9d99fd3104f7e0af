import type { IDataObject } from 'n8n-workflow';

/**
 * Longest record ID the trigger keeps. LeanCloud's message IDs are about 22 characters and object IDs 24; a server
 * sending longer ones is broken or hostile, and every ID kept goes into the workflow's static data.
 */
export const MAX_RECORD_ID_LENGTH = 128;

/** A record the cursor can follow: an object with a sane ID and a finite time. */
export interface Followed<T> {
	record: T;
	id: string;
	time: number;
}

/**
 * The records of one answer the trigger can report: objects with an ID of at most MAX_RECORD_ID_LENGTH characters
 * and a finite time, each ID once (the first copy). What is dropped is counted, for the poll's log: a broken server
 * can neither crash the poll nor move the cursor to a time that is not a time.
 */
export function followable(
	rows: unknown[],
	idOf: (row: IDataObject) => unknown,
	timeOf: (row: IDataObject) => unknown,
): { records: Array<Followed<IDataObject>>; skipped: number } {
	const records: Array<Followed<IDataObject>> = [];
	const ids = new Set<string>();
	let skipped = 0;
	for (const row of rows) {
		if (typeof row !== 'object' || row === null || Array.isArray(row)) {
			skipped += 1;
			continue;
		}
		const id = idOf(row as IDataObject);
		const time = timeOf(row as IDataObject);
		if (typeof id !== 'string' || id === '' || id.length > MAX_RECORD_ID_LENGTH || typeof time !== 'number' || !Number.isFinite(time)) {
			skipped += 1;
			continue;
		}
		if (ids.has(id)) {
			skipped += 1;
			continue;
		}
		ids.add(id);
		records.push({ record: row as IDataObject, id, time });
	}
	return { records, skipped };
}
