import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { LeanCloudFailure, RequestAbortedError } from '../shared/errors/leanCloudFailure';
import { settle } from '../shared/errors/settle';
import { readDownload } from '../shared/fields/downloadFields';
import { downloadFile, fileOf, type DownloadTally, type DownloadTools } from '../shared/files/download';
import type { Params } from '../shared/params/params';
import { toNodeApiError } from '../shared/reporting/apiError';
import type { Sender } from '../shared/sending/sender';
import { DEFAULT_TIMEOUT_MS } from '../shared/transport/request';
import { sendForeign } from '../shared/transport/foreign';

/** The share of Options > Poll Timeout the poll's downloads may use together: the rest is for LeanCloud's answers. */
export const DOWNLOAD_SHARE = 0.5;

/**
 * How long the poll's downloads may take together: half the Poll Timeout, and never past the time left to the poll
 * after a tenth of it is kept for the end (a poll whose LeanCloud reads were slow has less).
 */
export function downloadBudgetMs(timeoutMs: number, elapsedMs: number): number {
	return Math.max(0, Math.min(timeoutMs * DOWNLOAD_SHARE, timeoutMs * 0.9 - elapsedMs));
}

/** How many files a poll fetches at once: a host that never answers holds one lane, the others go on. */
export const DOWNLOAD_LANES = 4;

/**
 * The poll's items, with Options > Download Files: each file message's file as binary data. Files are a client's
 * choice (any app user can post a URL that never answers), so none of them can stop the poll: the downloads run a few
 * at a time and share a budget of half the Poll Timeout (each also within the usual request timeout), and Max Total
 * Size for the bytes kept. A file that is slow, refused, too large or past either budget gives its message a
 * `downloadError` saying why and no binary data; every message is still reported, and the cursor moves past them all.
 * Only the poll's own deadline (or n8n stopping it) ends the poll.
 */
export async function withFiles(
	context: IPollFunctions,
	p: Params,
	items: IDataObject[],
	sender: Pick<Sender, 'secrets' | 'reach'>,
	deadline: AbortSignal,
	poll: { timeoutMs: number; elapsedMs: number },
): Promise<INodeExecutionData[]> {
	const download = readDownload(p);
	if (!download) return context.helpers.returnJsonArray(items);
	const budgetMs = downloadBudgetMs(poll.timeoutMs, poll.elapsedMs);
	const budget = AbortSignal.any([deadline, AbortSignal.timeout(Math.max(1, Math.floor(budgetMs)))]);
	const tools: DownloadTools = {
		sendForeign: async (request, source, maxBytes = download.maxBytes) =>
			await sendForeign(context, request, { source, timeoutMs: DEFAULT_TIMEOUT_MS, maxBytes, signal: budget, secrets: sender.secrets, reach: sender.reach }),
		prepareBinary: async (bytes, fileName, mimeType) => await context.helpers.prepareBinaryData(bytes, fileName, mimeType),
	};
	const tally: DownloadTally = { bytes: 0 };
	const share = budgetMs < poll.timeoutMs * DOWNLOAD_SHARE ? 'what this poll had left of Options > Poll Timeout' : 'half of Options > Poll Timeout';
	const outOfTime = `Not fetched: this poll's downloads used their time (${Math.round(budgetMs / 100) / 10} s, ${share}); the file's host may be slow or never answer`;
	const output: INodeExecutionData[] = items.map((json) => ({ json }));
	const waiting = items.flatMap((json, index) => {
		const file = fileOf(json);
		return file ? [{ json, index, file }] : [];
	});
	const lane = async () => {
		for (let next = waiting.shift(); next; next = waiting.shift()) {
			const { json, index, file } = next;
			const fetched = budget.aborted ? undefined : await settle(downloadFile(file, tools, download, tally));
			if (fetched?.ok) {
				output[index] = { json, binary: { [download.property]: fetched.value } };
				continue;
			}
			const failure = fetched?.error;
			if (failure !== undefined && !(failure instanceof LeanCloudFailure) && !(failure instanceof RequestAbortedError)) throw failure;
			// Out of time (before or during this file), or the file's own failure.
			output[index] = { json: { ...json, downloadError: failure instanceof LeanCloudFailure ? toNodeApiError(context.getNode(), failure).message : outOfTime } };
		}
	};
	const lanes = await Promise.allSettled(Array.from({ length: Math.min(DOWNLOAD_LANES, waiting.length) }, lane));
	if (deadline.aborted) throw new RequestAbortedError();
	const broken = lanes.find((result): result is PromiseRejectedResult => result.status === 'rejected');
	if (broken) throw broken.reason;
	return output;
}
