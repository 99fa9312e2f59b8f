import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export const REDACTED = '***';

/** Every form a secret can take on the wire: raw, URL-encoded, and form-encoded. */
function secretForms(secrets: string[]): string[] {
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (!secret || secret.length < 4) continue;
		forms.add(secret);
		forms.add(encodeURIComponent(secret));
		forms.add(encodeURIComponent(secret).replace(/%20/g, '+'));
	}
	// Longest first, so that an encoded form is not half-replaced by a shorter raw one.
	return [...forms].sort((a, b) => b.length - a.length);
}

export function redactText(text: string, secrets: string[]): string {
	let result = text;
	for (const form of secretForms(secrets)) result = result.split(form).join(REDACTED);
	return result;
}

/** Deep copy of `value` with every secret replaced; keys are checked too. */
export function redact<T>(value: T, secrets: string[]): T {
	const forms = secretForms(secrets);
	if (forms.length === 0) return value;
	const walk = (node: unknown): unknown => {
		if (typeof node === 'string')
			return forms.some((f) => node.includes(f)) ? redactText(node, secrets) : node;
		if (Array.isArray(node)) return node.map(walk);
		if (node && typeof node === 'object' && !Buffer.isBuffer(node)) {
			const out: Record<string, unknown> = {};
			// Keys through `walk` too: `redactText` would rebuild the secret forms for every key.
			for (const [key, child] of Object.entries(node)) out[walk(key) as string] = walk(child);
			return out;
		}
		return node;
	};
	return walk(value) as T;
}

/**
 * The platform's APIs answer errors in three shapes: the Calls API `{type, message, …}`, the API
 * gateway `{error, message, args}`, and Spring's default `{timestamp, status, error, message, path}`.
 * Returns the machine code and the human message of any of them.
 */
export function describePlatformError(body: unknown): { code?: string; message?: string } {
	if (typeof body === 'string') {
		const text = body.trim();
		if (!text) return {};
		try {
			return describePlatformError(JSON.parse(text));
		} catch {
			return { message: text.slice(0, 500) };
		}
	}
	if (!body || typeof body !== 'object') return {};
	const data = body as IDataObject;
	const message = [data.message, data.errorMessage, data.exception].find(
		(v) => typeof v === 'string' && v,
	) as string | undefined;
	const code = [data.type, data.errorCode, data.code, data.error].find(
		(v) => typeof v === 'string' && v,
	) as string | undefined;
	return {
		code,
		message: message ?? (code && code !== data.error ? undefined : (data.error as string)),
	};
}

const STATUS_HINTS: Record<number, string> = {
	400: 'The platform refused the request as invalid',
	401: 'The platform did not accept the credential',
	403: 'The credential is not allowed to do this',
	404: 'The platform did not find the resource (or does not know the token)',
	409: 'The request conflicts with the current state on the platform',
	429: 'The platform is rate limiting requests',
};

const NETWORK_WORDS: Record<string, string> = {
	ECONNRESET: 'the connection was closed before an answer',
	ECONNREFUSED: 'the connection was refused',
	ETIMEDOUT: 'no answer in time',
	ECONNABORTED: 'no answer in time',
	ESOCKETTIMEDOUT: 'no answer in time',
	ENOTFOUND: 'the host name is unknown',
	EAI_AGAIN: 'the host name could not be resolved',
};

export interface ApiErrorInput {
	node: INode;
	secrets: string[];
	itemIndex?: number;
	httpCode?: number;
	body?: unknown;
	networkCode?: string;
	attempts: number;
	what: string;
	/**
	 * The call acts, was not repeated, and may have reached the platform (a 5xx, a timeout, a
	 * dropped connection): the user learns that it may have happened.
	 */
	mayHaveActed?: boolean;
}

const MAY_HAVE_ACTED =
	' The platform may have received it and acted on it: it was not sent again, so that it cannot happen twice. Check on the platform before running it again.';

/**
 * Builds a fresh NodeApiError from plain, redacted data only: nothing of the HTTP library's
 * error (request config, URL, headers) is attached, so no secret can travel with it.
 */
export function platformError(input: ApiErrorInput): NodeApiError {
	const { code, message } = describePlatformError(input.body);
	const tries = input.attempts > 1 ? ` (after ${input.attempts} attempts)` : '';
	let summary: string;
	if (input.httpCode) {
		const hint =
			STATUS_HINTS[input.httpCode] ??
			(input.httpCode >= 500
				? 'The platform failed to answer'
				: 'The platform refused the request');
		summary = `${hint} [${input.httpCode}${code ? ` ${code}` : ''}]${message ? `: ${message}` : ''}${tries}`;
	} else {
		// Words, not the code: NodeApiError replaces messages that contain codes like ECONNRESET.
		summary = `Could not reach the Tovie platform: ${NETWORK_WORDS[input.networkCode ?? ''] ?? 'the network failed'}${tries}`;
	}
	const errorResponse: JsonObject = {
		message: summary,
		// Not named `code`/`httpCode`: NodeApiError would swap our message for a generic one.
		status: input.httpCode ?? null,
		platformCode: code ?? null,
		networkCode: input.networkCode ?? null,
		body: (input.body ?? null) as JsonObject,
		attempts: input.attempts,
	};
	return new NodeApiError(input.node, redact(errorResponse, input.secrets), {
		message: redactText(summary, input.secrets),
		description: redactText(
			`While calling ${input.what}.${input.mayHaveActed ? MAY_HAVE_ACTED : ''}`,
			input.secrets,
		),
		httpCode: input.httpCode ? String(input.httpCode) : undefined,
		itemIndex: input.itemIndex,
	});
}

/**
 * What the platform answered, from an error built by `platformError` (read by callers that react
 * to particular refusals): HTTP status, machine code and body; empty for other errors.
 */
export function platformErrorDetails(error: unknown): {
	status?: number;
	code?: string;
	body: IDataObject;
} {
	const { httpCode, errorResponse } = (error ?? {}) as Partial<NodeApiError>;
	const response = (errorResponse ?? {}) as IDataObject;
	const body =
		response.body && typeof response.body === 'object' ? (response.body as IDataObject) : {};
	return {
		status: Number(httpCode ?? response.status) || undefined,
		code: typeof response.platformCode === 'string' ? response.platformCode : undefined,
		body,
	};
}
