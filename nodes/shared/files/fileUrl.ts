import type { Params } from '../params/params';
import { parseUrl } from '../transport/parseUrl';

const EXAMPLE = 'Give the file\'s full address, e.g. https://example.com/invoice.pdf.';

/**
 * A file's address as a message or LeanCloud's file table may carry it: an http:// or https:// URL without a user name
 * or password (clients open it as a link or image; `javascript:` or `file:` would be handed to every member). The same
 * rule and words wherever a file URL is taken. Returns it trimmed.
 */
export function fileUrlOf(p: Params, name: string): string {
	const text = p.requiredString(name).trim();
	const url = parseUrl(text) ?? p.fail(name, 'is not a valid address', EXAMPLE);
	if (url.protocol !== 'https:' && url.protocol !== 'http:') p.fail(name, `must be an http:// or https:// address (got ${url.protocol.slice(0, 20)})`, EXAMPLE);
	if (url.username || url.password) p.fail(name, 'must not contain a user name or password', EXAMPLE);
	return text;
}
