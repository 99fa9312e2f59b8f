import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { platformError, redact, redactText } from './errors';
import {
	backoffMs,
	DEFAULT_MAX_ATTEMPTS,
	isRepeatable,
	networkCodeOf,
	NOT_RECEIVED,
	retryAfterMs,
	retryTiming,
	RETRYABLE_STATUS,
	TIMEOUT_CODES,
} from './retry';

export { DEFAULT_MAX_ATTEMPTS, isRepeatable, retryTiming, type RouteSpec } from './retry';

export const CREDENTIAL_NAME = 'tovieApi';

export type TovieContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions
	| ITriggerFunctions
	| IPollFunctions;

/** The credential fields that hold a secret, and what the UI calls them. */
export const SECRET_LABELS = {
	chatApiToken: 'Chat API Token',
	callsApiToken: 'Calls API Token',
	nlpApiKey: 'NLP Direct API Key',
	apiToken: 'Unified API Token',
} as const;
export type SecretField = keyof typeof SECRET_LABELS;

/** Secrets sent as `Authorization: Bearer`; all others sit in the URL path as `{secret}`. */
const BEARER_SECRETS: SecretField[] = ['apiToken'];

export interface TovieRequest {
	method: IHttpRequestMethods;
	/** Path below the base URL, e.g. `/chatapi/{secret}/client/{clientId}/history`. */
	path: string;
	/** Values for `{name}` segments of the path; each is URL-encoded. */
	pathParams?: Record<string, string | number>;
	/** The credential secret the API needs; `undefined` for calls authorised by the URL alone. */
	secret?: SecretField;
	qs?: IDataObject;
	body?: unknown;
	headers?: Record<string, string>;
	/** Sent as `Idempotence-Key`; makes a POST safe to retry. */
	idempotenceKey?: string;
	/**
	 * Whether the call is safe to repeat. Default: by method (GET, HEAD, PUT, DELETE are). `true` for
	 * a POST that only reads or sets a value. Ignored when `acts` is set.
	 */
	idempotent?: boolean;
	/** The call acts on the platform (see `RouteSpec.acts`); comes from the route table. */
	acts?: boolean;
	timeoutMs?: number;
	/** `json` (default), `text`, `arraybuffer` or `stream`. */
	responseType?: 'json' | 'text' | 'arraybuffer' | 'stream';
	/** Secrets that are not in the credential (a pushback id) but must be redacted too. */
	extraSecrets?: string[];
	/** Long polling: running into `timeoutMs` means "nothing yet" (an empty answer), not a failure. */
	longPoll?: boolean;
	/** Another origin than the credential's server (a pushback link the user confirmed). */
	baseUrl?: string;
	/** Turns the given statuses into answers instead of errors (e.g. 404 → "not found"). */
	acceptStatuses?: number[];
	/**
	 * Leaves secrets in the answer: only for internal reads whose body never reaches an output
	 * (matching a channel by its token before re-sending it). Errors are redacted all the same.
	 */
	keepSecretsInAnswer?: boolean;
}

export interface CallOptions {
	itemIndex?: number;
	/** Total attempts including the first; the node option "Max Attempts". */
	maxAttempts?: number;
}

export interface TovieResponse<T = unknown> {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: T;
}

const DEFAULT_TIMEOUT_MS = 60_000;

export function baseUrlOf(credentials: IDataObject): string {
	const server = String(credentials.server ?? 'https://platform.tovie.ai');
	const base = server === 'custom' ? String(credentials.baseUrl ?? '') : server;
	return base.trim().replace(/\/+$/, '');
}

export function credentialSecrets(credentials: IDataObject): string[] {
	return Object.keys(SECRET_LABELS)
		.map((field) => String(credentials[field] ?? ''))
		.filter(Boolean);
}

function buildPath(request: TovieRequest): string {
	return request.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
		if (name === 'secret') return `{{tovie:${request.secret}}}`;
		const value = request.pathParams?.[name];
		if (value === undefined) throw new Error(`Path parameter ${name} missing for ${request.path}`);
		return encodeURIComponent(String(value));
	});
}

function parseJsonBody(body: unknown): { ok: boolean; value: unknown } {
	if (typeof body !== 'string') return { ok: true, value: body };
	if (body.trim() === '') return { ok: true, value: {} };
	try {
		return { ok: true, value: JSON.parse(body) };
	} catch {
		return { ok: false, value: body };
	}
}

/**
 * The one place that talks HTTP to the platform: URL and auth placeholders, retries with
 * backoff, error mapping and redaction. Returns status, headers and the (redacted) body.
 */
export async function tovieRequestFull<T = unknown>(
	ctx: TovieContext,
	request: TovieRequest,
	options: CallOptions = {},
): Promise<TovieResponse<T>> {
	const node = ctx.getNode();
	const credentials = (await ctx.getCredentials(
		CREDENTIAL_NAME,
		options.itemIndex ?? 0,
	)) as IDataObject;
	const secrets = [...credentialSecrets(credentials), ...(request.extraSecrets ?? [])];
	const baseUrl = request.baseUrl?.replace(/\/+$/, '') ?? baseUrlOf(credentials);
	if (!/^https?:\/\/[^/]/.test(baseUrl)) {
		throw new NodeOperationError(node, 'The credential has no valid base URL', {
			description:
				'Open the Tovie Platform API credential and choose a server or enter a custom base URL.',
			itemIndex: options.itemIndex,
		});
	}
	if (request.secret && !credentials[request.secret]) {
		throw new NodeOperationError(node, `The credential has no ${SECRET_LABELS[request.secret]}`, {
			description: `${node.type.split('.').pop()} needs the ${SECRET_LABELS[request.secret]}: add it to the Tovie Platform API credential.`,
			itemIndex: options.itemIndex,
		});
	}

	const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
	if (request.secret && BEARER_SECRETS.includes(request.secret)) {
		headers.Authorization = `Bearer {{tovie:${request.secret}}}`;
	}
	if (request.idempotenceKey) headers['Idempotence-Key'] = request.idempotenceKey;
	const responseType = request.responseType ?? 'json';
	const httpOptions: IHttpRequestOptions = {
		method: request.method,
		url: baseUrl + buildPath(request),
		qs: request.qs,
		arrayFormat: 'repeat', // OpenAPI default for array query parameters: `a=1&a=2`
		headers,
		timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		json: responseType === 'json',
	};
	if (request.body !== undefined) httpOptions.body = request.body as IDataObject;
	if (responseType === 'arraybuffer' || responseType === 'stream')
		httpOptions.encoding = responseType;
	if (responseType === 'text') httpOptions.encoding = 'text';

	// Acting calls (route flag) are never repeated on an answer that proves nothing (retry.ts).
	const safeToRepeat = isRepeatable(request);
	const maxAttempts = Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS));
	// The path without its query: a signed file URL's signature must not land in error texts.
	const what = `${request.method} ${redactText(request.path.replace(/\?.*$/s, ''), secrets)}`;

	// The last failed attempt proved nothing (a 5xx, a timeout, a dropped connection): it may have acted.
	let unproven = false;
	for (let attempt = 1; ; attempt++) {
		let response: TovieResponse;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(
				ctx,
				CREDENTIAL_NAME,
				httpOptions,
			)) as TovieResponse;
		} catch (error) {
			const networkCode = networkCodeOf(error);
			if (request.longPoll && TIMEOUT_CODES.has(networkCode)) {
				return { statusCode: 204, headers: {}, body: undefined as T };
			}
			const mayRetry = safeToRepeat || NOT_RECEIVED.has(networkCode);
			if (mayRetry && attempt < maxAttempts) {
				unproven = !NOT_RECEIVED.has(networkCode);
				await retryTiming.sleep(backoffMs(attempt));
				continue;
			}
			const mayHaveActed = !safeToRepeat && !NOT_RECEIVED.has(networkCode);
			throw platformError({
				node,
				secrets,
				itemIndex: options.itemIndex,
				networkCode,
				attempts: attempt,
				what,
				mayHaveActed,
			});
		}

		const { statusCode } = response;
		// A DELETE repeated after an attempt that may have deleted, answered "not found": that
		// attempt did it. The caller sees the 404 (with no body) and may say so.
		if (unproven && statusCode === 404 && request.method.toUpperCase() === 'DELETE')
			return { statusCode, headers: response.headers, body: undefined as T };
		if (statusCode >= 400 && !request.acceptStatuses?.includes(statusCode)) {
			// An error answer to a streamed download is not read: release its socket.
			if (responseType === 'stream')
				(response.body as { destroy?: () => void } | undefined)?.destroy?.();
			// 429 means the platform refused the call without acting on it: always safe to repeat.
			const mayRetry = RETRYABLE_STATUS.has(statusCode) && (safeToRepeat || statusCode === 429);
			if (mayRetry && attempt < maxAttempts) {
				unproven = statusCode >= 500;
				await retryTiming.sleep(retryAfterMs(response.headers) ?? backoffMs(attempt));
				continue;
			}
			// Error bodies of text answers are parsed too: the platform's error JSON carries its code.
			const body =
				responseType === 'json' || responseType === 'text'
					? parseJsonBody(response.body).value
					: undefined;
			const mayHaveActed = !safeToRepeat && statusCode >= 500;
			throw platformError({
				node,
				secrets,
				itemIndex: options.itemIndex,
				httpCode: statusCode,
				body,
				attempts: attempt,
				what,
				mayHaveActed,
			});
		}

		if (responseType === 'stream' || responseType === 'arraybuffer')
			return response as TovieResponse<T>;
		const parsed =
			responseType === 'json' ? parseJsonBody(response.body) : { ok: true, value: response.body };
		if (!parsed.ok && statusCode < 300) {
			throw platformError({
				node,
				secrets,
				itemIndex: options.itemIndex,
				httpCode: statusCode,
				attempts: attempt,
				what,
				body: { message: 'The platform answered with a body that is not valid JSON' },
			});
		}
		const body = request.keepSecretsInAnswer ? parsed.value : redact(parsed.value, secrets);
		return { statusCode, headers: response.headers, body: body as T };
	}
}

export async function tovieRequest<T = unknown>(
	ctx: TovieContext,
	request: TovieRequest,
	options: CallOptions = {},
): Promise<T> {
	return (await tovieRequestFull<T>(ctx, request, options)).body;
}
