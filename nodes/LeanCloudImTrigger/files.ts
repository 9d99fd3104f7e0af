import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { LeanCloudFailure, RequestAbortedError } from '../shared/errors/leanCloudFailure';
import { settle } from '../shared/errors/settle';
import { readDownload } from '../shared/fields/downloadFields';
import { downloadFiles, type DownloadTools } from '../shared/files/download';
import type { Params } from '../shared/params/params';
import { toNodeApiError } from '../shared/reporting/apiError';
import { DEFAULT_TIMEOUT_MS } from '../shared/transport/request';
import { sendForeign } from '../shared/transport/foreign';

/**
 * The poll's items, with Options > Download Files: each file message's file as binary data. A file that cannot be
 * fetched does not stop the poll (its cursor would never move past a dead link): that item says why in
 * `downloadError`, and has no binary data. The poll's deadline ends the downloads too.
 */
export async function withFiles(context: IPollFunctions, p: Params, items: IDataObject[], secrets: string[], deadline: AbortSignal): Promise<INodeExecutionData[]> {
	const download = readDownload(p);
	if (!download) return context.helpers.returnJsonArray(items);
	const tools: DownloadTools = {
		sendForeign: async (request, source, maxBytes = download.maxBytes) =>
			await sendForeign(context, request, { source, timeoutMs: DEFAULT_TIMEOUT_MS, maxBytes, signal: deadline, secrets }),
		prepareBinary: async (bytes, fileName, mimeType) => await context.helpers.prepareBinaryData(bytes, fileName, mimeType),
	};
	const output: INodeExecutionData[] = [];
	for (const json of items) {
		const fetched = await settle(downloadFiles([json], tools, download.maxBytes));
		if (fetched.ok) {
			const file = fetched.value[0];
			output.push(file ? { json, binary: { [download.property]: file } } : { json });
			continue;
		}
		if (fetched.error instanceof RequestAbortedError || !(fetched.error instanceof LeanCloudFailure)) throw fetched.error;
		output.push({ json: { ...json, downloadError: toNodeApiError(context.getNode(), fetched.error).message } });
	}
	return output;
}
