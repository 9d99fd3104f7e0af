import { formatOf } from './names';

/** The types of the files IM apps send, by extension: what LeanCloud's own upload would record for them. */
const BY_EXTENSION: Readonly<Record<string, string>> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	webp: 'image/webp',
	bmp: 'image/bmp',
	svg: 'image/svg+xml',
	heic: 'image/heic',
	ico: 'image/x-icon',
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	aac: 'audio/aac',
	wav: 'audio/wav',
	ogg: 'audio/ogg',
	opus: 'audio/opus',
	amr: 'audio/amr',
	flac: 'audio/flac',
	mp4: 'video/mp4',
	m4v: 'video/mp4',
	mov: 'video/quicktime',
	webm: 'video/webm',
	'3gp': 'video/3gpp',
	avi: 'video/x-msvideo',
	mkv: 'video/x-matroska',
	pdf: 'application/pdf',
	txt: 'text/plain',
	csv: 'text/csv',
	json: 'application/json',
	zip: 'application/zip',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xls: 'application/vnd.ms-excel',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	ppt: 'application/vnd.ms-powerpoint',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

/** n8n's stand-in for "no type known": binary data made without a type says it. */
const UNTYPED = 'application/octet-stream';

/**
 * The type to store a file with: the one given, else the binary data's own, else the file name's. Empty when none is
 * known: LeanCloud then derives it from the name's extension itself, so nothing wrong is sent.
 */
export function mimeTypeFor(given: string, binaryType: string | undefined, fileName: string): string {
	if (given) return given;
	if (binaryType && binaryType !== UNTYPED) return binaryType;
	return BY_EXTENSION[formatOf(fileName)] ?? '';
}
