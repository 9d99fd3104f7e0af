import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

import type { LeanCloudFailure } from '../errors/leanCloudFailure';

/** How to fix the failures users meet most, keyed by LeanCloud `code` first, then by HTTP status. */
const HINTS_BY_CODE: Record<number, string> = {
	1: 'LeanCloud reported an internal or parameter error. Check the values sent; if they are right, retry later.',
	107: 'LeanCloud could not parse the request body. Check JSON fields such as Push Data and Custom Attributes.',
	119: 'This operation is not allowed for clients. Make sure the credential has the Master Key (Server Secret in TDS).',
	401: 'Check the App ID and keys in the LeanCloud IM API credential, and that API Server is this app\'s REST domain.',
	403: 'This operation needs the Master Key (Server Secret in TDS) under the default conversation permissions. Add it to the credential.',
	4109: 'The message is larger than LeanCloud allows (5 KB). Shorten the content.',
	4303: 'The conversation does not exist. Check the conversation ID.',
	4304: 'The conversation is full (at most 500 members).',
	4305: 'A hook in your LeanCloud app rejected the conversation change.',
	4315: 'The sender is temporarily muted in this conversation.',
	4318: 'The conversation API quota is used up. Wait and retry, or raise the quota in the console.',
	4401: 'The conversation does not exist. It may have been deleted, or purged after 6 months without activity.',
	4402: 'A hook in your LeanCloud app rejected the message.',
	4403: 'Only the original sender can change this message: check From Client ID.',
	4404: 'The message was not found. Check the message ID and its timestamp (both come from the Send output).',
	4405: 'A hook in your LeanCloud app rejected the message update.',
	4561: 'The conversation already has the maximum number of permanently muted members (500).',
	4563: 'The sender is muted in this conversation.',
};

const HINTS_BY_STATUS: Record<number, string> = {
	401: HINTS_BY_CODE[401],
	403: HINTS_BY_CODE[403],
	404: 'The conversation or message was not found. Check the IDs, and that API Server is this app\'s REST domain.',
	429: 'LeanCloud\'s rate limit was reached (1,800 sends per minute for commercial apps, 120 for development apps by default). Wait a minute, or send fewer items at once.',
};

const SERVER_ERROR_HINT = 'LeanCloud could not process the request. Retry later; if it persists, check the LeanCloud status page.';

export function hintFor(failure: LeanCloudFailure): string | undefined {
	const { code, status, networkCode, hint, source } = failure.details;
	if (hint) return hint;
	// LeanCloud's hints would mislead about another host's answer (a storage provider, a file's host).
	if (source && !source.startsWith('LeanCloud')) return undefined;
	if (code !== undefined && HINTS_BY_CODE[code]) return HINTS_BY_CODE[code];
	if (status !== undefined && HINTS_BY_STATUS[status]) return HINTS_BY_STATUS[status];
	if (status !== undefined && status >= 500) return SERVER_ERROR_HINT;
	if (networkCode) return 'Check API Server in the credential and that this n8n instance can reach it.';
	return undefined;
}

/** The NodeApiError users see: LeanCloud's own code and text, the HTTP status, the item, and how to fix it. */
export function toNodeApiError(node: INode, failure: LeanCloudFailure, itemIndex?: number): NodeApiError {
	const { status, code, error, networkCode } = failure.details;
	const parts: string[] = [];
	if (status !== undefined) parts.push(`HTTP ${status}`);
	if (code !== undefined) parts.push(`code ${code}`);
	if (networkCode) parts.push(networkCode);
	// The failure's message is LeanCloud's `error` text, or says more where the node knows more (e.g. how often it was refused).
	const message = `${failure.details.source ?? 'LeanCloud'}: ${failure.message}${parts.length ? ` [${parts.join(', ')}]` : ''}`;

	const response: JsonObject = { message };
	if (code !== undefined) response.code = code;
	if (error !== undefined) response.error = error;
	if (status !== undefined) response.httpCode = String(status);
	if (networkCode) response.networkCode = networkCode;

	const apiError = new NodeApiError(node, response, {
		message,
		description: hintFor(failure),
		httpCode: status !== undefined ? String(status) : undefined,
		itemIndex,
	});
	// n8n swaps messages that mention ETIMEDOUT, ECONNRESET… for generic ones (some advising the node-level
	// "Retry On Fail", which would send successful messages again): keep LeanCloud's own words.
	apiError.message = message;
	return apiError;
}
