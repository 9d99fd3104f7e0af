import type { Params } from '../../shared/params/params';
import { DEFAULT_MAX_PAGES } from '../../shared/paging/paginate';
import type { RetryPolicy } from '../../shared/sending/retry';

/**
 * The execution options as values (the Options collection's fields are in fields/executionOptions.ts, added to every operation by fields/operationFields.ts): how the
 * executor paces, retries and bounds the requests of one run.
 */
export interface ExecutionOptions {
	concurrency: number;
	/** Requests per minute of the app's message quota; undefined = learn it from LeanCloud's 429 answers. */
	requestsPerMinute?: number;
	timeoutMs: number;
	retry: RetryPolicy;
	/** Most pages one item's Get Many reads (Return All, or a very large Limit). */
	maxPages: number;
	/** Most items the Get Many of all input items together may output in one run. */
	maxOutputItems: number;
}

export const DEFAULT_CONCURRENCY = 8;
export const DEFAULT_MAX_RATE_LIMIT_WAIT_S = 300;
export const DEFAULT_TIMEOUT_S = 30;
/** A run's Get Many output bound: about 100 MB of execution data at 1 KB an item. */
export const DEFAULT_MAX_OUTPUT_ITEMS = 100_000;

/** The Message Quota option's values (the Options field lists the same, with names). */
export const QUOTA_VALUES = ['auto', '120', '1800', '3600', '5400', '7200', '9000', 'custom'] as const;

/** Reads the execution options (node-wide: they govern all items together, so they are read from the first item). */
export function readExecutionOptions(params: Params): ExecutionOptions {
	const options = params.collection('options');
	const quota = options.oneOf('quota', QUOTA_VALUES, 'auto');
	let requestsPerMinute: number | undefined;
	if (quota === 'custom') requestsPerMinute = options.integer('customQuota', { min: 1, max: 1_000_000 });
	else if (quota !== 'auto') requestsPerMinute = Number(quota);
	const seconds = (name: string, fallback: number, min: number) =>
		options.has(name) ? options.number(name, { min, max: 86_400 }) : fallback;
	return {
		concurrency: options.has('concurrency') ? options.integer('concurrency', { min: 1, max: 64 }) : DEFAULT_CONCURRENCY,
		requestsPerMinute,
		timeoutMs: seconds('timeout', DEFAULT_TIMEOUT_S, 1) * 1000,
		maxPages: options.has('maxPages') ? options.integer('maxPages', { min: 1, max: 1_000_000 }) : DEFAULT_MAX_PAGES,
		maxOutputItems: options.has('maxOutputItems') ? options.integer('maxOutputItems', { min: 1, max: 100_000_000 }) : DEFAULT_MAX_OUTPUT_ITEMS,
		retry: {
			retryOnRateLimit: options.boolean('retryOnRateLimit', true),
			maxRateLimitWaitMs: seconds('maxRateLimitWait', DEFAULT_MAX_RATE_LIMIT_WAIT_S, 0) * 1000,
			retryOnErrors: options.oneOf('retryOnErrors', ['safe', 'all', 'never'] as const, 'safe'),
			maxAttempts: 3,
		},
	};
}
