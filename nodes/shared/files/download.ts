import type { IBinaryData, IDataObject } from 'n8n-workflow';

import { LeanCloudFailure } from '../errors/leanCloudFailure';
import { settle } from '../errors/settle';
import { CONTENT_TYPES, typedContent } from '../messages/contentTypes';
import type { ForeignAnswer, ForeignRequest } from '../transport/foreign';
import { headerValue } from '../transport/answers';
import { parseUrl } from '../transport/parseUrl';
import { nameFromUrl } from './names';

/** Files larger than this (in MB) are refused unless a Max File Size option says otherwise (uploads and downloads). */
export const DEFAULT_MAX_FILE_MB = 100;
/** The largest Max File Size: a file is held in memory whole while it moves, and n8n keeps binary data in memory by default. */
export const MAX_FILE_MB = 1024;
/** What all the files one execution (or one poll) downloads may take together, unless Max Total Size says otherwise. */
export const DEFAULT_MAX_TOTAL_MB = 256;
/** The largest Max Total Size. */
export const MAX_TOTAL_MB = 4096;

/** The message types that carry a file. */
const FILE_TYPE_NAMES = ['image', 'audio', 'video', 'file'];

/** The file a history record's message carries (raw records' `data`, simplified ones' `content`), if any. */
export function fileOf(record: IDataObject): { url: string; name: string } | undefined {
	const content = typedContent(record.data ?? record.content);
	if (!content || !FILE_TYPE_NAMES.includes(CONTENT_TYPES[content._lctype as number] ?? '')) return undefined;
	const file = content._lcfile as IDataObject | undefined;
	if (!file || typeof file.url !== 'string' || file.url === '') return undefined;
	const metaName = (file.metaData as IDataObject | undefined)?.name;
	return { url: file.url, name: typeof metaName === 'string' && metaName ? metaName : nameFromUrl(file.url) || 'file' };
}

function hostOf(url: string): string {
	return parseUrl(url)?.host ?? 'an invalid address';
}

/** How files are fetched and kept: requests to their hosts (no LeanCloud key), and n8n's binary data store. */
export interface DownloadTools {
	sendForeign(request: ForeignRequest, source: string, maxBytes?: number): Promise<ForeignAnswer>;
	prepareBinary(bytes: Buffer, fileName: string, mimeType?: string): Promise<IBinaryData>;
}

/** The size caps of Download Files: per file, and for all the files of one execution (or poll) together. */
export interface DownloadLimits {
	maxBytes: number;
	maxTotalBytes: number;
}

/** Bytes downloaded so far by one execution (or poll): one per run, passed to every download of the run. */
export interface DownloadTally {
	bytes: number;
}

const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 1000) / 1000} MB`;

/** A file the run's Max Total Size stops (not fetched, or fetched and not kept). */
const pastTotal = (message: string, source: string) => new LeanCloudFailure(message, { source, hint: 'Raise Options > Max Total Size, or download fewer files in one run.' });

/**
 * Fetches one file within the caps: the per-file one and what is left of the run's total (the tally grows by what was
 * fetched). The request goes to the file's host with no LeanCloud key, with the deadline, the size cap and no
 * redirects as every request; a failure throws, naming the host's answer or the cap that stopped it.
 */
export async function downloadFile(file: { url: string; name: string }, tools: DownloadTools, limits: DownloadLimits, tally: DownloadTally): Promise<IBinaryData> {
	const source = `File download (${hostOf(file.url)})`;
	const left = limits.maxTotalBytes - tally.bytes;
	if (left <= 0) throw pastTotal(`Not fetched: the files already downloaded in this run reached Max Total Size (${megabytes(limits.maxTotalBytes)})`, source);
	const cap = Math.min(limits.maxBytes, left);
	const fetched = await settle(tools.sendForeign({ method: 'GET', url: file.url }, source, cap));
	if (!fetched.ok) {
		const failure = fetched.error;
		if (failure instanceof LeanCloudFailure && failure.details.networkCode === 'ERESPONSETOOLARGE') {
			const which = cap < limits.maxBytes ? `what is left of Max Total Size (${megabytes(cap)} of ${megabytes(limits.maxTotalBytes)})` : `Max File Size (${megabytes(cap)})`;
			throw new LeanCloudFailure(`The file is larger than ${which}; it was not kept`, { source, hint: 'Raise Options > Max File Size or Max Total Size, or skip large files.' });
		}
		throw failure;
	}
	// Files fetched side by side were each capped by what was left when they started: the total holds for what is kept.
	if (tally.bytes + fetched.value.body.length > limits.maxTotalBytes) {
		throw pastTotal(`Not kept: with the files downloaded beside it, this run would pass Max Total Size (${megabytes(limits.maxTotalBytes)})`, source);
	}
	tally.bytes += fetched.value.body.length;
	const type = headerValue(fetched.value.headers, 'content-type')?.split(';')[0].trim();
	return await tools.prepareBinary(fetched.value.body, file.name, type || undefined);
}

/**
 * Fetches the file of each record that carries one, one at a time, and answers each record's binary data (undefined
 * for records without a file); the first failure throws.
 */
export async function downloadFiles(records: IDataObject[], tools: DownloadTools, limits: DownloadLimits, tally: DownloadTally): Promise<Array<IBinaryData | undefined>> {
	const binaries: Array<IBinaryData | undefined> = [];
	for (const record of records) {
		const file = fileOf(record);
		binaries.push(file ? await downloadFile(file, tools, limits, tally) : undefined);
	}
	return binaries;
}
