import type { IDataObject } from 'n8n-workflow';

/** Largest webhook body accepted; a Chat API event is a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long a delivered `questionId` is remembered: the platform resends a failed call 3 times, 3 s apart. */
export const DEDUP_WINDOW_MS = 10 * 60 * 1000;
/** The most `questionId`s remembered (oldest dropped first), so static data stays small. */
export const DEDUP_MAX_ENTRIES = 5000;

export type Refusal = { status: 405 | 413 | 415; message: string };

/** Checks what a webhook call is before reading it: method, content type, size. */
export function checkRequest(
	method: string | undefined,
	contentType: string | undefined,
	rawBytes: number | undefined,
): Refusal | undefined {
	if (method && method.toUpperCase() !== 'POST')
		return { status: 405, message: 'Only POST is accepted' };
	// Only form posts are refused: the platform's content type is not documented, and any body
	// that is not JSON gets a 400 when it is parsed anyway.
	if (
		contentType !== undefined &&
		/^(multipart\/|application\/x-www-form-urlencoded)/i.test(contentType.trim())
	) {
		return { status: 415, message: 'The body must be JSON' };
	}
	if (rawBytes !== undefined && rawBytes > MAX_BODY_BYTES)
		return { status: 413, message: `The body is larger than ${MAX_BODY_BYTES} bytes` };
	return undefined;
}

/**
 * Drops events already delivered (the platform's retry of the same `questionId`) and remembers the
 * new ones in `seen` (the node's workflow static data: `{questionId: receivedAt}`).
 */
export function dropRepeats(
	events: IDataObject[],
	seen: IDataObject,
	now = Date.now(),
): IDataObject[] {
	for (const [id, at] of Object.entries(seen))
		if (typeof at !== 'number' || now - at > DEDUP_WINDOW_MS) delete seen[id];
	const fresh = events.filter((event) => {
		const id =
			typeof event.questionId === 'string' || typeof event.questionId === 'number'
				? String(event.questionId)
				: '';
		if (!id) return true;
		// Several replies can share a questionId; the event kind and time tell them apart.
		const key = `${id}|${String(event.clientId ?? '')}|${String(event.timestamp ?? '')}|${String((event as { type?: unknown }).type ?? '')}`;
		if (seen[key] !== undefined) return false;
		seen[key] = now;
		return true;
	});
	const keys = Object.keys(seen);
	for (const key of keys.slice(0, Math.max(0, keys.length - DEDUP_MAX_ENTRIES))) delete seen[key];
	return fresh;
}
