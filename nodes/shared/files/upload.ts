import { createHash } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { LeanCloudFailure } from '../errors/leanCloudFailure';
import { ResponseProblem } from '../errors/responseProblem';
import { settle } from '../errors/settle';
import { storage } from '../params/path';
import type { Send } from '../sending/requestSpec';
import type { ForeignAnswer, ForeignRequest } from '../transport/foreign';
import { imageSize } from './imageSize';
import { multipartBody } from './multipart';
import { formatOf } from './names';

/** A file's bytes and what they are, as the node has them (from n8n binary data). */
export interface FileBytes {
	bytes: Buffer;
	/**
	 * When `bytes` is a view into a larger buffer with free room around it: where, so the multipart head and tail of a
	 * form upload are written there and the body sent without copying the file once more.
	 */
	frame?: { buffer: Buffer; start: number };
	/** With its extension: LeanCloud derives the type from it when no MIME type is given. */
	name: string;
	/** Empty when unknown: none is sent, and LeanCloud derives it from the name. */
	mimeType: string;
}

/** What a storage provider is told the bytes are when nobody knows: they are stored as they are. */
const UNTYPED = 'application/octet-stream';

/** A LeanCloud file, as the node outputs it and as file messages carry it (`_lcfile`). */
export interface StoredFile extends IDataObject {
	objectId: string;
	url: string;
	name: string;
	mimeType: string;
	size: number;
	/** The extension, without the dot (what `metaData.format` holds in file messages). */
	format: string;
	width?: number;
	height?: number;
}

/** What an upload needs besides LeanCloud's API: a way to reach the storage provider's host (no LeanCloud key). */
export interface UploadTools {
	send: Send;
	sendForeign(request: ForeignRequest, source: string): Promise<ForeignAnswer>;
}

/** The providers uploads go to, by the name `POST /1.1/fileTokens` gives (`qcloud` is legacy: no SDK of today's uses it). */
const PROVIDERS = ['qiniu', 's3'] as const;

/** The failure of one step, named in the error (`LeanCloud (file token)`, `Qiniu (file upload)`). */
export function inStep(error: unknown, step: string): unknown {
	if (error instanceof LeanCloudFailure && !error.details.source) return new LeanCloudFailure(error.message, { ...error.details, source: step });
	if (error instanceof ResponseProblem) return new LeanCloudFailure(error.message, { source: step, hint: error.hint });
	return error;
}

interface UploadToken {
	objectId: string;
	url: string;
	key: string;
	token: string;
	uploadUrl: string;
	provider: string;
	mimeType: string;
}

function readToken(answer: unknown): UploadToken {
	const body = (answer ?? {}) as IDataObject;
	const text = (field: string) => {
		const value = body[field];
		if (typeof value !== 'string' || value === '') throw new ResponseProblem(`The upload token has no "${field}"`, 'LeanCloud\'s answer to POST /1.1/fileTokens was not what its SDKs read. Check that API Server is your app\'s REST API domain.');
		return value;
	};
	return {
		objectId: text('objectId'),
		url: text('url'),
		key: text('key'),
		token: text('token'),
		uploadUrl: text('upload_url'),
		provider: text('provider'),
		mimeType: typeof body.mime_type === 'string' && body.mime_type ? body.mime_type : '',
	};
}

const PROVIDER_NAMES: Record<(typeof PROVIDERS)[number], string> = { qiniu: 'Qiniu', s3: 'S3' };

/** Sends the bytes to the provider named by the token: Qiniu's form upload, or S3's pre-signed PUT. */
async function toProvider(tools: UploadTools, token: UploadToken, file: FileBytes): Promise<void> {
	const provider = token.provider as (typeof PROVIDERS)[number];
	const source = `${PROVIDER_NAMES[provider]} (file upload)`;
	if (provider === 's3') {
		await tools.sendForeign(
			{
				method: 'PUT',
				url: token.uploadUrl,
				// The type the token was made for (S3 signs it), and a length: S3 refuses a chunked body.
				headers: { 'Content-Type': token.mimeType || file.mimeType || UNTYPED, 'Cache-Control': 'public, max-age=31536000', 'Content-Length': String(file.bytes.length) },
				body: file.bytes,
			},
			source,
		);
		return;
	}
	const form = multipartBody(
		[
			['token', token.token],
			['key', token.key],
		],
		{ name: 'file', fileName: file.name, contentType: token.mimeType || file.mimeType || UNTYPED },
	);
	await tools.sendForeign({ method: 'POST', url: token.uploadUrl, headers: { 'Content-Type': form.contentType }, body: framed(file, form.head, form.tail) }, source);
}

/** `head`, the file's bytes and `tail` as one body: written around the bytes in place when there is room, else copied. */
function framed(file: FileBytes, head: Buffer, tail: Buffer): Buffer {
	const frame = file.frame;
	if (frame && frame.start >= head.length && frame.buffer.length - frame.start - file.bytes.length >= tail.length) {
		const begin = frame.start - head.length;
		head.copy(frame.buffer, begin);
		tail.copy(frame.buffer, frame.start + file.bytes.length);
		return frame.buffer.subarray(begin, frame.start + file.bytes.length + tail.length);
	}
	return Buffer.concat([head, file.bytes, tail]);
}

/**
 * Stores a file in LeanCloud/TDS file storage as the official SDKs do (README, "Files"): an upload token (the `_File`
 * row exists from then on), the bytes to the provider the token names (a host that gets no LeanCloud key), then
 * `fileCallback` with the outcome, best effort (`false` makes LeanCloud delete the row). A provider other than Qiniu
 * or S3 fails before any bytes move. Each step's failure names the step.
 */
export async function uploadFile(tools: UploadTools, file: FileBytes): Promise<StoredFile> {
	const checksum = createHash('md5').update(file.bytes).digest('hex');
	const tokenAnswer = await settle(
		tools.send({
			method: 'POST',
			path: storage`fileTokens`,
			body: { name: file.name, ...(file.mimeType ? { mime_type: file.mimeType } : {}), metaData: { size: file.bytes.length, owner: 'unknown', _checksum: checksum } },
		}),
	);
	if (!tokenAnswer.ok) throw inStep(tokenAnswer.error, 'LeanCloud (file token)');
	let token: UploadToken;
	try {
		token = readToken(tokenAnswer.value);
	} catch (error) {
		throw inStep(error, 'LeanCloud (file token)');
	}
	const callback = async (result: boolean) => {
		// Best effort, as in every SDK: its failure never fails the item.
		await settle(tools.send({ method: 'POST', path: storage`fileCallback`, body: { token: token.token, result } }));
	};
	if (!(PROVIDERS as readonly string[]).includes(token.provider)) {
		await callback(false);
		throw new LeanCloudFailure(`The app stores files with "${token.provider.slice(0, 40)}", which the node cannot upload to (it knows Qiniu and S3)`, {
			source: 'LeanCloud (file token)',
			hint: 'Use File Source "URL" with a file hosted elsewhere, or upload with a LeanCloud SDK.',
		});
	}
	const uploaded = await settle(toProvider(tools, token, file));
	await callback(uploaded.ok);
	if (!uploaded.ok) throw uploaded.error;
	const stored: StoredFile = {
		objectId: token.objectId,
		url: token.url,
		name: file.name,
		mimeType: token.mimeType || file.mimeType,
		size: file.bytes.length,
		format: formatOf(file.name),
	};
	const dimensions = imageSize(file.bytes);
	if (dimensions) Object.assign(stored, dimensions);
	return stored;
}
