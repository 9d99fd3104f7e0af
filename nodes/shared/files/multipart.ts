import { randomBytes } from 'node:crypto';

/** One text field of a multipart/form-data body: [name, value]. */
export type FormField = [string, string];

/** The file part, sent last (Qiniu reads the fields before the file). */
export interface FormFile {
	name: string;
	fileName: string;
	contentType: string;
	bytes: Buffer;
}

/** A quoted-string parameter value: quotes and line breaks would end the header or the part early. */
function quoted(value: string): string {
	return `"${value.replace(/[\r\n]/g, ' ').replace(/["\\]/g, (character) => `\\${character}`)}"`;
}

/**
 * A multipart/form-data body (the fields, then the file) with its Content-Type. Built by hand, as n8n's helper takes
 * a Buffer as it is and a node may not depend on a form-data package; it costs one copy of the file's bytes.
 */
export function multipartBody(fields: FormField[], file: FormFile): { body: Buffer; contentType: string } {
	const boundary = `----n8nLeanCloudIm${randomBytes(12).toString('hex')}`;
	let head = '';
	for (const [name, value] of fields) head += `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`;
	head += `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(file.name)}; filename=${quoted(file.fileName)}\r\nContent-Type: ${file.contentType}\r\n\r\n`;
	const parts = [Buffer.from(head, 'utf8'), file.bytes, Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8')];
	return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
