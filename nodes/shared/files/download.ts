import type { IBinaryData, IDataObject } from 'n8n-workflow';

import { CONTENT_TYPES, typedContent } from '../messages/contentTypes';
import type { ForeignAnswer, ForeignRequest } from '../transport/foreign';
import { headerValue } from '../transport/answers';
import { nameFromUrl } from './names';

/** Files larger than this (in MB) are refused unless a Max File Size option says otherwise (uploads and downloads). */
export const DEFAULT_MAX_FILE_MB = 100;

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
	try {
		return new URL(url).host;
	} catch {
		return 'an invalid address';
	}
}

/** How files are fetched and kept: requests to their hosts (no LeanCloud key), and n8n's binary data store. */
export interface DownloadTools {
	sendForeign(request: ForeignRequest, source: string, maxBytes?: number): Promise<ForeignAnswer>;
	prepareBinary(bytes: Buffer, fileName: string, mimeType?: string): Promise<IBinaryData>;
}

/**
 * Fetches the file of each record that carries one, one at a time, and answers each record's binary data (undefined
 * for records without a file). The request goes to the file's host with no LeanCloud key, with the deadline, the size
 * cap (`maxBytes`) and no redirects as every request; a failure throws, naming the host's answer.
 */
export async function downloadFiles(records: IDataObject[], tools: DownloadTools, maxBytes: number): Promise<Array<IBinaryData | undefined>> {
	const binaries: Array<IBinaryData | undefined> = [];
	for (const record of records) {
		const file = fileOf(record);
		if (!file) {
			binaries.push(undefined);
			continue;
		}
		const answer = await tools.sendForeign({ method: 'GET', url: file.url }, `File download (${hostOf(file.url)})`, maxBytes);
		const type = headerValue(answer.headers, 'content-type')?.split(';')[0].trim();
		binaries.push(await tools.prepareBinary(answer.body, file.name, type || undefined));
	}
	return binaries;
}
