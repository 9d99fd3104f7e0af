import type { IBinaryData, IBinaryKeyData, IDataObject, INodeProperties } from 'n8n-workflow';

import type { KeyNeed } from '../../shared/credential/openCredential';
import type { Params } from '../../shared/params/params';
import type { ListSpec } from '../../shared/paging/listSpec';
import type { Bucket, RequestSpec, Send } from '../../shared/sending/requestSpec';
import type { ForeignAnswer, ForeignRequest } from '../../shared/transport/foreign';
import type { DownloadTally } from '../../shared/files/download';

export interface OperationDef {
	/** Operation value, unique within its resource (e.g. `getAll`). */
	value: string;
	/** Title Case option name (e.g. `Get Many`). */
	name: string;
	/** Sentence-case action text shown in the nodes panel (e.g. `Get many conversations`). */
	action: string;
	/** One sentence for the operation picker and for AI agents using the node as a tool. */
	description: string;
	/** Parameters of this operation only; the resource/operation show block is added when assembled. */
	properties: INodeProperties[];
	/** Which credential key the endpoint needs: the Master Key unless README's endpoint table says otherwise. */
	key?: KeyNeed;
	/** The LeanCloud rate-limit bucket the endpoint counts against, if any: its requests are paced under that quota. */
	bucket?: Bucket;
	/** Builds the request from the item's parameters. Throws ParameterError for bad input; never sends anything. */
	request?(params: Params): RequestSpec;
	/**
	 * For operations of several requests, some to other hosts (a file upload): checks the item in phase one (throws
	 * ParameterError, sends nothing) and returns what phase two runs with the item's tools; or undefined when this item
	 * needs only `request`.
	 */
	steps?(params: Params, item: ItemAccess): ((tools: StepTools) => Promise<IDataObject | IDataObject[]>) | undefined;
	/** Present on Get Many operations: the request is the first page, and these say how to walk the rest. */
	list?: ListSpec;
	/**
	 * Binary data for the output items of a Get Many (a history's files, with Options > Download Files): one entry per
	 * item, undefined for items without. Runs after the pages are read; a failure fails the input item.
	 */
	binaries?(items: IDataObject[], params: Params, tools: BinaryTools): Promise<Array<IBinaryKeyData | undefined>>;
	/**
	 * For operations that send nothing (the Hook Reply): the output item, from the item's parameters alone. No
	 * credential is opened; ParameterError for bad input, as for `request`.
	 */
	reply?(params: Params): IDataObject;
	/** Shapes a single response into the output item(s). Defaults to the response body. */
	output?(body: unknown, params: Params): IDataObject | IDataObject[];
}

/** An operation as the node runs it: its declaration, and its fields as the node shows them (assembled once). */
export interface AssembledOperation {
	definition: OperationDef;
	fields: INodeProperties[];
}

export interface ResourceDef {
	value: string;
	name: string;
	description: string;
	operations: OperationDef[];
}

/** What a multi-step operation may read of its item in phase one: its binary data, by property name. */
export interface ItemAccess {
	/** The binary data's description (file name, type, size when n8n knows it); undefined when the item has none there. */
	binary(property: string): { fileName?: string; mimeType: string; bytes?: number } | undefined;
	/**
	 * The bytes themselves (read in phase two, when they are needed), in one buffer with `room` free bytes before and
	 * after them, so a request body can be framed around them without another copy of the file.
	 */
	binaryBuffer(property: string, room?: { before: number; after: number }): Promise<FramedBytes>;
}

/** What phase two gives a multi-step operation: LeanCloud requests (paced, retried) and requests to other hosts. */
export interface StepTools {
	send: Send;
	/** To a host that is not the API Server: no LeanCloud key, the same deadline and no redirects, at most `maxBytes` back. */
	sendForeign(request: ForeignRequest, source: string, maxBytes?: number): Promise<ForeignAnswer>;
}

/** StepTools, and n8n's binary data store (filesystem or memory, as the instance is set up). */
export interface BinaryTools extends StepTools {
	prepareBinary(bytes: Buffer, fileName: string, mimeType?: string): Promise<IBinaryData>;
	/** What this execution has downloaded so far, for Options > Max Total Size (one tally per execution). */
	downloaded: DownloadTally;
}

/** A file's bytes inside a larger buffer: `buffer.subarray(start, start + length)`, with free room around them. */
export interface FramedBytes {
	buffer: Buffer;
	start: number;
	length: number;
}
