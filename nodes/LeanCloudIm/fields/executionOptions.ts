import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_CONCURRENCY, DEFAULT_MAX_OUTPUT_ITEMS, DEFAULT_MAX_RATE_LIMIT_WAIT_S, DEFAULT_TIMEOUT_S } from '../engine/executionOptions';
import { DEFAULT_MAX_PAGES } from '../../shared/paging/paginate';

/** Fields every operation's "Options" collection gets, after its own. */
export const allExecutionOptionFields: INodeProperties[] = [
	{
		displayName: 'Concurrency',
		name: 'concurrency',
		type: 'number',
		default: DEFAULT_CONCURRENCY,
		typeOptions: { minValue: 1, maxValue: 64 },
		description:
			'How many requests may be in flight at once. Requests for the same conversation are never sent at the same time, so their order is kept; the output always follows the input order.',
	},
	{
		displayName: 'Max Wait for Rate Limit (Seconds)',
		name: 'maxRateLimitWait',
		type: 'number',
		default: DEFAULT_MAX_RATE_LIMIT_WAIT_S,
		typeOptions: { minValue: 0 },
		description: 'Longest time one item may wait for LeanCloud\'s quota, in total, before it fails',
	},
	{
		displayName: 'Message Quota',
		name: 'quota',
		type: 'options',
		default: 'auto',
		options: [
			{ name: 'Auto: Learn From LeanCloud\'s 429 Answers', value: 'auto', description: 'Send freely and slow down to the pace LeanCloud allows once it answers 429' },
			{ name: 'Commercial App: 1,800 per Minute (Default)', value: '1800' },
			{ name: 'Commercial App: 3,600 per Minute', value: '3600' },
			{ name: 'Commercial App: 5,400 per Minute', value: '5400' },
			{ name: 'Commercial App: 7,200 per Minute', value: '7200' },
			{ name: 'Commercial App: 9,000 per Minute (Maximum)', value: '9000' },
			{ name: 'Custom', value: 'custom' },
			{ name: 'Development App: 120 per Minute', value: '120' },
		],
		description:
			'Your app\'s quota for sending, editing and recalling messages, so the node paces itself under it',
	},
	{
		displayName: 'Custom Quota (Requests per Minute)',
		name: 'customQuota',
		type: 'number',
		default: 1800,
		typeOptions: { minValue: 1 },
		description: 'Used when Message Quota is Custom',
	},
	{
		displayName: 'Retry on Rate Limit',
		name: 'retryOnRateLimit',
		type: 'boolean',
		default: true,
		description:
			'Whether to wait and resend when LeanCloud answers 429 (too many requests). Safe for every request: a 429 means it was not processed.',
	},
	{
		displayName: 'Retry on Server or Network Errors',
		name: 'retryOnErrors',
		type: 'options',
		default: 'safe',
		options: [
			{ name: 'Only Requests That Cannot Duplicate', value: 'safe', description: 'Gets, updates, recalls and deletes (GET, PUT, DELETE)' },
			{
				name: 'All Requests, Including Sends',
				value: 'all',
				description: 'A send whose answer was lost may have arrived: resending can deliver it twice',
			},
			{ name: 'Never', value: 'never' },
		],
		description: 'Which requests to resend after a 5xx answer or a lost connection (up to 3 attempts in all)',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		default: DEFAULT_TIMEOUT_S,
		typeOptions: { minValue: 1 },
		description: 'How long to wait for each answer before treating the request as failed',
	},
];

/** Options about the message quota, shown only where requests count against it. */
const QUOTA_FIELDS = ['quota', 'customQuota'];
/** The execution options of operations whose requests count against no message quota. */
export const withoutQuota = allExecutionOptionFields.filter((field) => !QUOTA_FIELDS.includes(field.name));

/** Shown only on operations that page (Get Many and the like), with Max Pages. */
export const maxOutputItemsField: INodeProperties = {
	displayName: 'Max Output Items',
	name: 'maxOutputItems',
	type: 'number',
	default: DEFAULT_MAX_OUTPUT_ITEMS,
	typeOptions: { minValue: 1 },
	description:
		'Most items this node may output in one run, all input items together, before the item that would pass it fails asking to narrow the query: a guard for the memory of the n8n instance',
};

/** Shown only on operations that page (Get Many and the like). */
export const maxPagesField: INodeProperties = {
	displayName: 'Max Pages',
	name: 'maxPages',
	type: 'number',
	default: DEFAULT_MAX_PAGES,
	typeOptions: { minValue: 1 },
	description:
		'Most pages one item reads (with Return All, or a large Limit) before it fails asking to narrow the query: a guard against a server that never stops giving pages',
};
