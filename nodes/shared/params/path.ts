import { ParameterError } from '../errors/parameterError';

declare const rtmPathBrand: unique symbol;
/** A request path under /1.2/rtm (or the storage API's /1.1, see `storage`) whose interpolated segments are all percent-encoded. */
export type RtmPath = string & { readonly [rtmPathBrand]: true };

export interface PathSegment {
	/** Parameter the value came from, named in the error if the value cannot be a path segment. */
	parameter: string;
	value: string;
}

/** A fixed path part chosen by our code (never by input), e.g. the collection of a conversation kind. */
export interface PathLiteral {
	literal: 'conversations' | 'chatrooms' | 'service-conversations';
}

/** Whether every UTF-16 surrogate in `text` is part of a pair (String.prototype.isWellFormed, which Node 20 lacks). */
export function isWellFormed(text: string): boolean {
	return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Encodes one path segment. `.` and `..` are refused: URL parsers resolve them (even as %2E) and would leave the endpoint. */
export function encodeSegment({ parameter, value }: PathSegment): string {
	if (value === '.' || value === '..') {
		throw new ParameterError(parameter, `"${value}" is not a valid ID`);
	}
	// A lone UTF-16 surrogate (e.g. text cut in the middle of an emoji) has no UTF-8 form: encodeURIComponent would throw.
	if (!isWellFormed(value)) {
		throw new ParameterError(parameter, 'contains a broken character (a lone UTF-16 surrogate) and cannot be sent', 'Check where the value comes from: it may be text cut in the middle of an emoji.');
	}
	return encodeURIComponent(value);
}

/**
 * Tagged template for API paths: rtm`conversations/${id('conversationId', value)}/members`.
 * Only PathSegment values (encoded) and PathLiterals (a closed set of collection names) can be interpolated, so no input can move the request
 * to another endpoint (e.g. `../../classes/_User` becomes `..%2F..%2Fclasses%2F_User`).
 */
export function rtm(strings: TemplateStringsArray, ...segments: Array<PathSegment | PathLiteral>): RtmPath {
	let path = '/1.2/rtm/' + strings[0];
	segments.forEach((segment, index) => {
		path += ('literal' in segment ? segment.literal : encodeSegment(segment)) + strings[index + 1];
	});
	return path as RtmPath;
}

/**
 * Tagged template for the storage API's file paths: storage`files/${segment}` is `/1.1/files/<encoded>`. The same
 * rules as `rtm` (only encoded segments are interpolated), for the few /1.1 endpoints files need.
 */
export function storage(strings: TemplateStringsArray, ...segments: PathSegment[]): RtmPath {
	let path = '/1.1/' + strings[0];
	segments.forEach((segment, index) => {
		path += encodeSegment(segment) + strings[index + 1];
	});
	return path as RtmPath;
}
