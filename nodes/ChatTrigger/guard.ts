import { createHash } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

/** Largest webhook body accepted; a Chat API event is a few kilobytes. */
export const MAX_BODY_BYTES = 1024 * 1024;
/** How long a delivered event is remembered: the platform resends a failed call 3 times, 3 s apart. */
export const DEDUP_WINDOW_MS = 10 * 60 * 1000;
/** The most events this process remembers, all triggers together (oldest dropped first). */
export const CLAIMS_MAX = 20_000;
/** The most events a trigger remembers in its static data (oldest dropped first), so saving it stays cheap. */
export const SEEN_MAX = 500;

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
 * Events delivered lately in this process, oldest first: `<trigger>|<event hash>` → time. Checked
 * and written synchronously, so two identical deliveries at the same moment start one execution
 * (each n8n webhook call works on its own copy of static data, which would let both through).
 */
const claims = new Map<string, number>();

/** Short hash of what tells an event apart; `undefined` without a `questionId` (never a repeat). */
function eventHash(event: IDataObject): string | undefined {
	const id =
		typeof event.questionId === 'string' || typeof event.questionId === 'number'
			? String(event.questionId)
			: '';
	if (!id) return undefined;
	// Several replies can share a questionId; the event kind and time tell them apart.
	const key = `${id}|${String(event.clientId ?? '')}|${String(event.timestamp ?? '')}|${String((event as { type?: unknown }).type ?? '')}`;
	return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

/** Drops claims from the front (the oldest) while expired or too many: no scan of the rest. */
function pruneClaims(now: number): void {
	for (const [key, at] of claims) {
		if (claims.size <= CLAIMS_MAX && now - at <= DEDUP_WINDOW_MS) break;
		claims.delete(key);
	}
}

/** The static data's recent hashes plus the new ones, at most `SEEN_MAX`, newest kept. */
function remembered(seen: IDataObject, added: string[], now: number): IDataObject {
	const kept = Object.entries(seen).filter(
		(entry): entry is [string, number] =>
			typeof entry[1] === 'number' && now - entry[1] <= DEDUP_WINDOW_MS,
	);
	for (const hash of added) kept.push([hash, now]);
	if (kept.length > SEEN_MAX) kept.sort((a, b) => a[1] - b[1]);
	return Object.fromEntries(kept.slice(-SEEN_MAX));
}

/**
 * Drops events already delivered (the platform's retry of the same `questionId`, client, time and
 * kind) to the trigger `scope` (workflow ID + node ID). New events are claimed in this process and
 * remembered in `nodeData.seen` (the node's static data, `{hash: receivedAt}`), which is written only
 * when an event is new: n8n saves static data only when it changed.
 *
 * Limits: across queue-mode webhook processes two identical deliveries at the same moment can both
 * pass (each process has its own memory, and static data is last-writer-wins); sequential retries,
 * 3 s apart, are caught through static data, also after a restart.
 */
export function dropRepeats(
	events: IDataObject[],
	scope: string,
	nodeData: IDataObject,
	now = Date.now(),
): IDataObject[] {
	pruneClaims(now);
	const seen = (
		nodeData.seen && typeof nodeData.seen === 'object' ? nodeData.seen : {}
	) as IDataObject;
	const added: string[] = [];
	const fresh = events.filter((event) => {
		const hash = eventHash(event);
		if (!hash) return true;
		const claim = `${scope}|${hash}`;
		const at = claims.get(claim) ?? seen[hash];
		if (typeof at === 'number' && now - at <= DEDUP_WINDOW_MS) return false;
		// Deleted first so that it goes to the end: the map stays oldest first.
		claims.delete(claim);
		claims.set(claim, now);
		added.push(hash);
		return true;
	});
	if (added.length === 0) return fresh;
	if (nodeData.seen === undefined) {
		// Earlier versions kept up to 5,000 keys (`questionId|client|time|kind`) flat in the node's data.
		for (const key of Object.keys(nodeData)) if (key.includes('|')) delete nodeData[key];
	}
	nodeData.seen = remembered(seen, added, now);
	return fresh;
}
