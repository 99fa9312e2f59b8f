import type { IHttpRequestMethods } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * When the transport tries again and how long it waits: exponential backoff with jitter, the
 * server's Retry-After honoured (capped), and the network errors told apart. Tests shorten
 * `retryTiming` instead of waiting.
 */
export const retryTiming = {
	baseDelayMs: 500,
	maxDelayMs: 20_000,
	maxRetryAfterMs: 120_000,
	sleep: async (ms: number) => await sleep(ms),
};

export const DEFAULT_MAX_ATTEMPTS = 3;

/**
 * One entry of a node's route table (`nodes/<Node>/api.ts`): where a call goes, and what
 * repeating it would do. Declared once per route, so no call site can forget that a route acts.
 */
export interface RouteSpec {
	method: IHttpRequestMethods;
	path: string;
	/**
	 * The call acts on the platform: a message reaches a bot, an event fires, a call job is
	 * created. Never repeated after an answer that proves nothing (5xx, timeout, dropped
	 * connection) unless an idempotence key protects it, whatever the method.
	 */
	acts?: boolean;
	/** A POST that only reads or sets a value: safe to repeat. */
	idempotent?: boolean;
}

/** What decides whether a request may be sent again after an answer that proves nothing. */
export interface RepeatFacts {
	method: string;
	/** The call acts on the platform (a route flag): repeating it could act twice. */
	acts?: boolean;
	idempotent?: boolean;
	idempotenceKey?: string;
}

/**
 * Whether repeating a request after a 5xx, a timeout or a dropped connection is harmless. An
 * idempotence key makes the platform answer a repeat without acting again. A call that acts is
 * never repeated otherwise, whatever its method: a GET that delivers a message to a bot or fires
 * a pushback would deliver or fire twice. Other calls go by HTTP semantics (GET, HEAD, PUT,
 * DELETE), unless declared otherwise (`idempotent`: a POST that only reads or sets a value).
 * Requests the platform provably did not receive (refused connection, 429) are repeated anyway:
 * that is decided where the failure is known (transport.ts).
 */
export function isRepeatable(request: RepeatFacts): boolean {
	if (request.idempotenceKey) return true;
	if (request.acts) return false;
	return (
		request.idempotent ?? ['GET', 'HEAD', 'PUT', 'DELETE'].includes(request.method.toUpperCase())
	);
}

export const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);
/** Network errors that prove the request never reached the platform. */
export const NOT_RECEIVED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
export const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT']);
const NETWORK_CODES = /^(E[A-Z_]+|ERR_[A-Z_]+)$/;

export function networkCodeOf(error: unknown): string {
	let current = error as { code?: unknown; cause?: unknown; message?: unknown } | undefined;
	for (let depth = 0; current && depth < 6; depth++) {
		if (typeof current.code === 'string' && NETWORK_CODES.test(current.code)) return current.code;
		if (typeof current.message === 'string') {
			if (/socket hang up/i.test(current.message)) return 'ECONNRESET';
			if (/timeout/i.test(current.message)) return 'ETIMEDOUT';
		}
		current = current.cause as typeof current;
	}
	return 'ECONNRESET';
}

export function retryAfterMs(
	headers: Record<string, string | string[] | undefined>,
): number | undefined {
	const raw = headers['retry-after'];
	const value = Array.isArray(raw) ? raw[0] : raw;
	if (!value) return undefined;
	const seconds = Number(value);
	const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
	return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), retryTiming.maxRetryAfterMs) : undefined;
}

export function backoffMs(attempt: number): number {
	const exponential = Math.min(
		retryTiming.maxDelayMs,
		retryTiming.baseDelayMs * 2 ** (attempt - 1),
	);
	return Math.round(exponential * (0.5 + Math.random() / 2));
}
