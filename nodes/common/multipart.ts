/** One part of a `multipart/form-data` body. */
export interface MultipartPart {
	name: string;
	data: Buffer | string;
	fileName?: string;
	contentType?: string;
}

/**
 * Builds a `multipart/form-data` body as one Buffer, so it can be sent (and re-sent on a retry)
 * through the transport like any other body: pass `body` and `headers` on a `TovieRequest`.
 */
export function multipartBody(parts: MultipartPart[]): {
	body: Buffer;
	headers: Record<string, string>;
} {
	const boundary = `----tovie-n8n-${Date.now().toString(16)}${Math.random().toString(16).slice(2)}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const quote = (text: string) => text.replace(/["\r\n]/g, '_');
		let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quote(part.name)}"`;
		if (part.fileName !== undefined) head += `; filename="${quote(part.fileName)}"`;
		head += `\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`;
		chunks.push(
			Buffer.from(head, 'utf8'),
			Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8'),
		);
		chunks.push(Buffer.from('\r\n', 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return {
		body: Buffer.concat(chunks),
		headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` },
	};
}
