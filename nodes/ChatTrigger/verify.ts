import { timingSafeEqual } from 'crypto';

/** Constant-time string comparison (lengths leak, contents do not). */
export function safeEqual(received: unknown, expected: string): boolean {
	if (typeof received !== 'string' || !expected) return false;
	const a = Buffer.from(received);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

export type Verdict = { ok: true; body: unknown } | { ok: false; status: 400 | 401; message: string };

/**
 * Decides whether a webhook call may start the workflow: the body must be JSON, and every event
 * in it must carry the channel token the credential holds (the platform echoes it in `token`).
 */
export function verifyWebhook(rawBody: string | undefined, parsedBody: unknown, channelToken: string): Verdict {
	let body = parsedBody;
	if (rawBody !== undefined && rawBody.trim() !== '') {
		try {
			body = JSON.parse(rawBody);
		} catch {
			return { ok: false, status: 400, message: 'The body is not valid JSON' };
		}
	}
	const events = Array.isArray(body) ? body : [body];
	if (events.length === 0 || events.some((e) => !e || typeof e !== 'object' || Array.isArray(e))) {
		return { ok: false, status: 400, message: 'Expected a JSON object or an array of objects' };
	}
	if (!events.every((e) => safeEqual((e as { token?: unknown }).token, channelToken))) {
		return { ok: false, status: 401, message: 'The event does not carry this channel token' };
	}
	return { ok: true, body };
}
