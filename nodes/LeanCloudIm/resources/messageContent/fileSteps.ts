import type { IDataObject } from 'n8n-workflow';

import type { OperationDef, StepTools } from '../../engine/operation';
import { readBinaryFile } from '../../fields/binaryFile';
import { settle } from '../../../shared/errors/settle';
import { ResponseProblem } from '../../../shared/errors/responseProblem';
import { fileUrlOf } from '../../../shared/files/fileUrl';
import { externalFileBody, formatOf, nameFromUrl } from '../../../shared/files/names';
import { inStep, uploadFile, type StoredFile } from '../../../shared/files/upload';
import type { Params } from '../../../shared/params/params';
import { storage } from '../../../shared/params/path';
import { carryStoredFile } from './build';
import { FILE_TYPES } from './fields';

/** Stands for what phase one cannot know of the file, so the 5 KB check counts a URL and metadata of a realistic length. */
const PLACEHOLDER: StoredFile = {
	objectId: '0'.repeat(24),
	url: `https://files.example.invalid/${'x'.repeat(32)}`,
	name: 'n'.repeat(60),
	mimeType: 'application/octet-stream',
	size: 1e9,
	format: 'xxxx',
	width: 10000,
	height: 10000,
};

/** Registers a file that stays at its URL as a LeanCloud file (`POST /1.1/files`), so the message can carry its ID. */
async function registerUrl(tools: StepTools, url: string, name: string): Promise<StoredFile> {
	const registered = await settle(tools.send({ method: 'POST', path: storage`files`, body: externalFileBody(url, name) }));
	if (!registered.ok) throw inStep(registered.error, 'LeanCloud (file registration)');
	const objectId = (registered.value as IDataObject | undefined)?.objectId;
	if (typeof objectId !== 'string' || !objectId) throw inStep(new ResponseProblem('The registered file has no objectId'), 'LeanCloud (file registration)');
	return { objectId, url, name, mimeType: '', size: 0, format: formatOf(name) };
}

/**
 * How this item's file gets stored before its message is sent, if it does (uploaded from binary data, or its URL
 * registered), and the file as phase one can know it: its real name and, for a URL, its real address, so the 5 KB check
 * counts them before any byte moves.
 */
function fileStep(p: Params, item: Parameters<NonNullable<OperationDef['steps']>>[1]): { known: StoredFile; store: (tools: StepTools) => Promise<StoredFile> } | undefined {
	if (p.string('contentType') !== 'rich' || !FILE_TYPES.includes(p.string('messageType'))) return undefined;
	if (p.string('fileSource') === 'binaryData') {
		const file = readBinaryFile(p, item, { collection: 'richFields', fileName: 'name', mimeType: null });
		// Storage URLs end with the file's name (LeanCloud's and TDS's: `…/<32 characters>/logo.png`): it counts twice.
		const url = `${PLACEHOLDER.url}/${encodeURIComponent(file.name)}`;
		return { known: { ...PLACEHOLDER, url, name: file.name, format: formatOf(file.name) }, store: async (tools) => await uploadFile(tools, await file.read()) };
	}
	const extra = p.collection('richFields');
	// A file given with its object ID is a LeanCloud file already.
	if (!p.boolean('registerUrl', true) || (extra.has('objId') && extra.string('objId'))) return undefined;
	const url = fileUrlOf(p, 'fileUrl');
	const name = (extra.has('name') && extra.string('name')) || nameFromUrl(url) || 'file';
	return { known: { ...PLACEHOLDER, url, name, format: formatOf(name) }, store: async (tools) => await registerUrl(tools, url, name) };
}

/**
 * An operation that sends message content (Message and Broadcast, Send and Update), able to store its file first: with
 * File Source "Binary Data" the file is uploaded to LeanCloud file storage, with "URL" its address is registered as a
 * LeanCloud file (unless turned off), and the message then carries the file's URL and ID. Phase one checks the item with
 * a stand-in file (binary field present, Max File Size, the 5 KB limit); phase two stores the file, then sends. The
 * output carries the file beside the send result.
 */
export function withFileSteps(op: OperationDef): OperationDef {
	const request = op.request as NonNullable<OperationDef['request']>;
	return {
		...op,
		steps(p, item) {
			const step = fileStep(p, item);
			if (!step) return undefined;
			carryStoredFile(p, step.known);
			request(p);
			return async (tools) => {
				const file = await step.store(tools);
				carryStoredFile(p, file);
				const spec = request(p);
				const sent = await settle(tools.send(spec.bucket || !op.bucket ? spec : { ...spec, bucket: op.bucket }));
				// The file is stored by now: the error says the message was the step that failed.
				if (!sent.ok) throw inStep(sent.error, 'LeanCloud (message)');
				const shaped = op.output ? op.output(sent.value, p) : (sent.value as IDataObject);
				const stored: IDataObject = { objectId: file.objectId, url: file.url, name: file.name, format: file.format };
				for (const field of ['mimeType', 'size', 'width', 'height'] as const) if (file[field]) stored[field] = file[field];
				return Array.isArray(shaped) ? shaped : { ...shaped, file: stored };
			};
		},
	};
}
