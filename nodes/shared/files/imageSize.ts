/**
 * Width and height from the first bytes of a PNG, JPEG, GIF or WebP image, without decoding it (LeanCloud's SDKs
 * send them in an image message's metaData, and some clients lay the message out with them). Undefined when the
 * bytes are none of these, or too short to say.
 */
export function imageSize(bytes: Buffer): { width: number; height: number } | undefined {
	if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47 && bytes.toString('latin1', 12, 16) === 'IHDR') {
		return sized(bytes.readUInt32BE(16), bytes.readUInt32BE(20));
	}
	if (bytes.length >= 10 && (bytes.toString('latin1', 0, 6) === 'GIF87a' || bytes.toString('latin1', 0, 6) === 'GIF89a')) {
		return sized(bytes.readUInt16LE(6), bytes.readUInt16LE(8));
	}
	if (bytes.length >= 30 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP') return webpSize(bytes);
	if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
	return undefined;
}

function sized(width: number, height: number): { width: number; height: number } | undefined {
	return width > 0 && height > 0 ? { width, height } : undefined;
}

function webpSize(bytes: Buffer): { width: number; height: number } | undefined {
	const chunk = bytes.toString('latin1', 12, 16);
	if (chunk === 'VP8X') return sized(1 + bytes.readUIntLE(24, 3), 1 + bytes.readUIntLE(27, 3));
	if (chunk === 'VP8L' && bytes[20] === 0x2f) {
		const bits = bytes.readUInt32LE(21);
		return sized(1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff));
	}
	if (chunk === 'VP8 ' && bytes.length >= 30) return sized(bytes.readUInt16LE(26) & 0x3fff, bytes.readUInt16LE(28) & 0x3fff);
	return undefined;
}

/** Walks the JPEG segments to the first start-of-frame marker; a bounded walk (each step moves forward). */
function jpegSize(bytes: Buffer): { width: number; height: number } | undefined {
	let offset = 2;
	while (offset + 9 < bytes.length) {
		if (bytes[offset] !== 0xff) return undefined;
		const marker = bytes[offset + 1];
		// Fill bytes before a marker.
		if (marker === 0xff) {
			offset += 1;
			continue;
		}
		const length = bytes.readUInt16BE(offset + 2);
		// SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
		if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
			return sized(bytes.readUInt16BE(offset + 7), bytes.readUInt16BE(offset + 5));
		}
		if (length < 2) return undefined;
		offset += 2 + length;
	}
	return undefined;
}
