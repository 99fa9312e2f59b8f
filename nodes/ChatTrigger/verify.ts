import { timingSafeEqual } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

/** Constant-time string comparison (lengths leak, contents do not). */
export function safeEqual(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || !expected) return false;
	const a = Buffer.from(received);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

export type Verdict =
	| { ok: true; events: IDataObject[]; dropped: number }
	| { ok: false; status: 400 | 401; message: string };

/**
 * Decides what of a webhook call may start the workflow. The body must be JSON: one event object
 * or an array of them. The platform echoes the channel token in each event's `token` (the only
 * mark the documents show, docs/platform-assumptions.md "Webhook token"), so the check is per
 * event: events without the credential's token are dropped, and the call is refused (401) only
 * when none carries it. An empty array is a call with nothing in it: accepted, nothing starts.
 */
export function verifyWebhook(
	rawBody: string | undefined,
	parsedBody: unknown,
	channelToken: string,
): Verdict {
	let body = parsedBody;
	if (rawBody !== undefined && rawBody.trim() !== '') {
		try {
			body = JSON.parse(rawBody);
		} catch {
			return { ok: false, status: 400, message: 'The body is not valid JSON' };
		}
	}
	if (!body || typeof body !== 'object') {
		return { ok: false, status: 400, message: 'Expected a JSON object or an array of objects' };
	}
	const list: unknown[] = Array.isArray(body) ? body : [body];
	if (list.length === 0) return { ok: true, events: [], dropped: 0 };
	const events = list.filter(
		(e): e is IDataObject =>
			!!e &&
			typeof e === 'object' &&
			!Array.isArray(e) &&
			safeEqual((e as IDataObject).token, channelToken),
	);
	if (events.length === 0)
		return { ok: false, status: 401, message: 'No event carries this channel token' };
	return { ok: true, events, dropped: list.length - events.length };
}
