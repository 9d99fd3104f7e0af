import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { KeyRole } from '../../../credentials/LeanCloudImApi.credentials';
import type { Params } from './params';
import type { RtmPath } from './path';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** LeanCloud's rate-limit buckets (§7 of the API notes): message sends/edits, subscriber broadcasts, app-wide broadcasts. */
export type Bucket = 'normal' | 'subscriber' | 'broadcast';

/** One HTTP request, as data. `path` can only come from the `rtm` tag, so every ID in it is encoded. */
export interface RequestSpec {
	method: HttpMethod;
	path: RtmPath;
	query?: IDataObject;
	body?: IDataObject;
	/** The rate-limit bucket of this request, when it differs from the operation's (one operation, several audiences). */
	bucket?: Bucket;
}

/**
 * How a Get Many operation pages. The executor owns the loop (Return All / Limit, stopping early);
 * the declaration only says where the items are and how the next page is asked for.
 */
export interface ListSpec {
	/** Largest page the endpoint returns; `Infinity` for endpoints that return everything at once. */
	pageSize: number;
	/** Query parameter that carries the page size, if the endpoint has one. */
	limitParam?: string;
	/** The page's items, from the response body. */
	items(body: unknown): unknown[];
	/** Query changes for the page after `items`, or undefined when this was the last page. */
	nextPage?(body: unknown, items: unknown[], query: IDataObject): IDataObject | undefined;
	/** Turns one item into one output item. */
	toItem?(item: unknown, params: Params): IDataObject;
}

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
	/**
	 * Which credential key the endpoint needs. Defaults to the master key, as the docs require for almost every
	 * endpoint. `appOrMaster`: the App Key (the documented one) when the credential has it, else the Master Key,
	 * which LeanCloud accepts everywhere.
	 */
	key?: KeyRole | 'appOrMaster';
	/** The LeanCloud rate-limit bucket the endpoint counts against, if any: its requests are paced under that quota. */
	bucket?: Bucket;
	/** Builds the request from the item's parameters. Throws ParameterError for bad input; never sends anything. */
	request(params: Params): RequestSpec;
	/** Present on Get Many operations: the request is the first page, and these say how to walk the rest. */
	list?: ListSpec;
	/** Shapes a single response into the output item(s). Defaults to the response body. */
	output?(body: unknown, params: Params): IDataObject | IDataObject[];
}

export interface ResourceDef {
	value: string;
	name: string;
	description: string;
	operations: OperationDef[];
}
