import type { IDataObject } from 'n8n-workflow';

import { simplifyRecord } from '../shared/messages/simplify';

/**
 * A message content's fields as the polling trigger gives them (`contentType`, `text`, `fileUrl`…), for hook calls
 * and service-callback messages alike. Plain text is its own `text`, so `$json.text` reads every message; a typed
 * message gives its `_lctext`. Nothing for binary content (base64).
 */
export function contentFields(content: unknown, bin: unknown): IDataObject {
	if (typeof content !== 'string' || bin === true) return {};
	const parsed = simplifyRecord({ data: content });
	if (parsed.contentType === undefined) return { text: content, contentType: 'text' };
	delete parsed.content;
	return parsed;
}
