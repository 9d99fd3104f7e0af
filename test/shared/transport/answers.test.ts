import { excerptOf, failureFromResponse, redirectFailure, retryAfterMs } from '../../../nodes/shared/transport/answers';

test('an error excerpt looks at the first 2,000 characters only, so its regular expressions run on bounded input', () => {
	expect(excerptOf(`${'<'.repeat(2_000)}VISIBLE`, [])).not.toContain('VISIBLE');
	expect(excerptOf(`<html><body><h1>502 Bad Gateway</h1>\n\n<p>nginx</p></body></html>`, [])).toBe('502 Bad Gateway nginx');
	expect(excerptOf('x'.repeat(500), [])).toHaveLength(120);
});

test.each([
	['seconds', '2', 2_000],
	['an HTTP date', new Date(1_000_000 + 3_000).toUTCString(), 3_000],
	['a date in the past (now)', new Date(0).toUTCString(), 0],
	['a negative number (unusable)', '-5', undefined],
	['zero', '0', 0],
	['a fraction', '0.001', 1],
	['something unusable', 'soon', undefined],
	['more than a timer can wait', '99999999999', 2 ** 31 - 1],
])('Retry-After as %s', (_name, value, expected) => {
	// 1,000,000 ms is "now" for the date forms: HTTP dates have whole seconds.
	expect(retryAfterMs({ 'retry-after': value }, 1_000_000)).toBe(expected);
});

test('an error status keeps LeanCloud\'s code and text; anything else keeps the status and a short excerpt', () => {
	expect(failureFromResponse(403, {}, '{"code":403,"error":"Forbidden."}', []).details).toEqual({ status: 403, code: 403, error: 'Forbidden.', retryAfterMs: undefined });
	const gateway = failureFromResponse(502, { 'retry-after': '1' }, '<html>Bad Gateway</html>', []);
	expect([gateway.message, gateway.details]).toEqual(['Bad Gateway', { status: 502, retryAfterMs: 1000 }]);
});

test('a redirect names the host it points to, not the whole address', () => {
	expect(redirectFailure(302, { location: 'https://evil.example:8443/steal?key=1' }, []).message).toBe(
		'The API Server answered with a redirect (HTTP 302) to host evil.example:8443, which is not followed',
	);
});
