import type { IDataObject, IExecuteFunctions, INodeProperties, NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { CredentialProblem } from '../../shared/errors/credentialProblem';
import { parameterLabel } from '../../shared/params/parameterLabel';
import { readNodeParams } from '../../shared/params/nodeParams';
import type { Params } from '../../shared/params/params';
import { toNodeError, type FailureScope } from '../../shared/reporting/nodeError';
import type { RequestSpec } from '../../shared/sending/requestSpec';
import { ParameterError } from '../../shared/errors/parameterError';
import type { AssembledOperation, ItemAccess, StepTools } from './operation';

/** What phase one decided for an item: the request to send, or the error to report. */
export type Plan =
	| { ok: true; params: Params; request?: RequestSpec; steps?: (tools: StepTools) => Promise<IDataObject | IDataObject[]>; limit: number; orderKey?: string }
	| { ok: false; error: NodeApiError | NodeOperationError };

/** The item's parameters, read from n8n lazily at this item's index (expressions resolved). */
export function readItemParams(context: IExecuteFunctions, fields: INodeProperties[], itemIndex: number): Params {
	return readNodeParams(fields, (name, fallback, options) => context.getNodeParameter(name, itemIndex, fallback, options));
}

/** Failures of this item name it, and label parameters as the item shows them (one picker per conversation type). */
export function itemScope(context: IExecuteFunctions, fields: INodeProperties[], itemIndex: number): FailureScope {
	return {
		itemIndex,
		labelOf: (parameter) => parameterLabel(fields, parameter, (name) => context.getNodeParameter(name, itemIndex, undefined)),
		then: 'run the node again',
	};
}

/**
 * Reads and checks one item without sending anything. Requests about one conversation (its Conversation field)
 * are ordered: one at a time, in input order, and across executions in the order they reached the node.
 */
export function planItem(context: IExecuteFunctions, operation: AssembledOperation, itemIndex: number, problem?: CredentialProblem): Plan {
	const op = operation.definition;
	try {
		// A credential that cannot serve the operation fails every item, before anything is read or sent.
		if (problem) throw problem;
		const params = readItemParams(context, operation.fields, itemIndex);
		const orderKey = params.has('conversationId') ? params.string('conversationId').trim() : undefined;
		const steps = op.steps?.(params, itemAccess(context, itemIndex));
		if (steps) return { ok: true, params, steps, limit: 1, orderKey };
		const declared = (op.request as NonNullable<typeof op.request>)(params);
		const request = declared.bucket || !op.bucket ? declared : { ...declared, bucket: op.bucket };
		const limit = op.list ? (params.boolean('returnAll') ? Infinity : params.integer('limit', { min: 1, max: Number.MAX_SAFE_INTEGER })) : 1;
		return { ok: true, params, request, limit, orderKey };
	} catch (error) {
		// Whatever one item's parameters do (an expression error, input no parser expected), it is that item's failure.
		return { ok: false, error: toNodeError(context.getNode(), error, itemScope(context, operation.fields, itemIndex)) };
	}
}

/** An item's binary data, for multi-step operations: n8n's own helpers, whichever binary data mode the instance uses. */
function itemAccess(context: IExecuteFunctions, itemIndex: number): ItemAccess {
	return {
		binary: (property) => {
			const entry = context.getInputData()[itemIndex]?.binary?.[property];
			if (!entry) return undefined;
			const bytes = typeof entry.bytes === 'number' ? entry.bytes : entry.id ? undefined : Buffer.byteLength(entry.data, 'base64');
			return { fileName: entry.fileName, mimeType: entry.mimeType, bytes };
		},
		binaryBuffer: async (property, room = { before: 0, after: 0 }) => {
			const entry = context.getInputData()[itemIndex]?.binary?.[property];
			if (!entry) throw new ParameterError('binaryPropertyName', `names no binary data of this item ("${property}")`);
			// Kept on disk (filesystem mode): streamed into the buffer. Kept in memory: decoded from base64 straight into it.
			if (entry.id) {
				const { fileSize } = await context.helpers.getBinaryMetadata(entry.id);
				const buffer = Buffer.allocUnsafe(room.before + fileSize + room.after);
				let length = 0;
				for await (const chunk of await context.helpers.getBinaryStream(entry.id)) {
					const bytes = chunk as Buffer;
					if (length + bytes.length > fileSize) throw new ParameterError('binaryPropertyName', 'holds more bytes than its stored size says');
					bytes.copy(buffer, room.before + length);
					length += bytes.length;
				}
				return { buffer, start: room.before, length };
			}
			const decodedSize = Buffer.byteLength(entry.data, 'base64');
			const buffer = Buffer.allocUnsafe(room.before + decodedSize + room.after);
			const length = buffer.write(entry.data, room.before, decodedSize, 'base64');
			return { buffer, start: room.before, length };
		},
	};
}
