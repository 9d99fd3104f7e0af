import type { IDataObject } from 'n8n-workflow';

import type { RtmPath } from '../params/path';
import type { TransportRequest } from '../transport/request';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** LeanCloud's rate-limit buckets: message sends/edits, subscriber broadcasts, app-wide broadcasts (README, "API facts the code relies on"). */
export type Bucket = 'normal' | 'subscriber' | 'broadcast';

/** One HTTP request, as data. `path` can only come from the `rtm` tag, so every ID in it is encoded. */
export interface RequestSpec extends TransportRequest {
	method: HttpMethod;
	path: RtmPath;
	query?: IDataObject;
	body?: IDataObject;
	/** The rate-limit bucket of this request, when it differs from the operation's (one operation, several audiences). */
	bucket?: Bucket;
}

/** Sends one request under a policy and answers its body: what paging helpers, operations and polls call. */
export type Send = (spec: RequestSpec) => Promise<unknown>;
