import { randomBytes } from 'node:crypto';

/** One text field of a multipart/form-data body: [name, value]. */
export type FormField = [string, string];

/** The file part, sent last (Qiniu reads the fields before the file). */
export interface FormFile {
	name: string;
	fileName: string;
	contentType: string;
}

/** A quoted-string parameter value: quotes and line breaks would end the header or the part early. */
function quoted(value: string): string {
	return `"${value.replace(/[\r\n]/g, ' ').replace(/["\\]/g, (character) => `\\${character}`)}"`;
}

/**
 * A multipart/form-data body (the fields, then the file) as what goes before the file's bytes and what after, with its
 * Content-Type. Built by hand: n8n's helper sends a Buffer as it is, and a node may not depend on a form-data package.
 */
export function multipartBody(fields: FormField[], file: FormFile): { head: Buffer; tail: Buffer; contentType: string } {
	const boundary = `----n8nLeanCloudIm${randomBytes(12).toString('hex')}`;
	let head = '';
	for (const [name, value] of fields) head += `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`;
	head += `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(file.name)}; filename=${quoted(file.fileName)}\r\nContent-Type: ${file.contentType}\r\n\r\n`;
	return { head: Buffer.from(head, 'utf8'), tail: Buffer.from(`\r\n--${boundary}--\r\n`, 'utf8'), contentType: `multipart/form-data; boundary=${boundary}` };
}
