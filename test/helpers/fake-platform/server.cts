/**
 * A fake Tovie platform: a real HTTP server on 127.0.0.1 that API modules (Chat, Calls, NLP Direct,
 * Reporter, Pushgate, Operator, Channels/Projects, Text Campaigns) plug routes into. It records
 * every request and lets a test inject faults (status codes, delays, dropped connections, broken
 * JSON) per request, so the package is tested against real sockets instead of mocked HTTP.
 *
 * Mounting modules, the one way: every module is a class `XModule implements FakeModule` built as
 * `new XModule(platform, options)` (Pushgate has no options); it is mounted by a factory in
 * `modules`, and a test reaches it through the typed accessor `fake.module(XModule)` (no holder
 * objects, closure variables or start wrappers):
 *
 *     const fake = await startFakePlatform({
 *         modules: [
 *             (platform) => new ChannelsModule(platform, { tokens: [TOKEN] }),
 *             // Factories run in order: a module may take one mounted before it.
 *             (platform) =>
 *                 new TextCampaignModule(platform, {
 *                     tokens: [TOKEN],
 *                     channels: platform.module(ChannelsModule),
 *                 }),
 *         ],
 *     });
 *     const campaigns = fake.module(TextCampaignModule);
 *
 * Routes are tried in mounting order. The Chat module is built in (options in `chat`); it is
 * `fake.module(ChatModule)`, also at hand as `fake.chat`.
 */
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import { ChatModule, type ChatOptions } from './chat.cts';
import { checkRequest, reportSpecStats, type SpecBinding } from './spec.cts';

// ---------------------------------------------------------------------------------------------
// Types

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface FakeRequest {
	method: string;
	/** Path without the query string, as received (still URL-encoded). */
	path: string;
	/** Path with the query string, as received. */
	rawPath: string;
	/** Query string values; a repeated key keeps its last value. */
	query: Record<string, string>;
	/** Decoded `:name` segments of the matched route. */
	params: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	/** Parsed JSON body; the raw text when the body is not JSON; `undefined` when empty. */
	body: unknown;
	rawBody: string;
}

/** What a handler answers. `body` undefined means an empty body. */
export interface FakeReply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Sent as is instead of JSON-encoding `body` (used for broken JSON, and bytes of files). */
	raw?: string | Buffer;
	/** Piped as the body (large files), without Content-Length unless given in `headers`. */
	stream?: NodeJS.ReadableStream;
}

export interface RouteContext {
	platform: FakePlatform;
	/** Aborted when the client goes away or the platform closes: ends long polls early. */
	signal: AbortSignal;
	/** The reply helpers, for handlers that prefer them at hand. */
	json: typeof json;
	errors: typeof errors;
	/** Marks the answer as a replay (an idempotence key seen before): nothing new was done. */
	replay(): void;
}

export interface Route {
	method: HttpMethod;
	/** Literal segments and `:name` parameters, e.g. `/chatapi/:token/client/:clientId/history`, `/pushgate/push_:id`. */
	pattern: string;
	handler: (req: FakeRequest, ctx: RouteContext) => FakeReply | Promise<FakeReply>;
	/** `false`: not an operation of the module's spec (a link the platform hands out), not checked. */
	spec?: false;
}

export interface FakeModule {
	routes: Route[];
	/** Forget all state (called by `fake.reset()`). */
	reset?(): void;
	/** Stop timers and outgoing requests (called by `fake.close()`). */
	close?(): Promise<void> | void;
	/** The vendor spec(s) the module stands for: its requests are checked against them (spec.cts). */
	spec?: SpecBinding;
}

export interface RecordedRequest {
	method: string;
	path: string;
	rawPath: string;
	query: Record<string, string>;
	headers: http.IncomingHttpHeaders;
	body: unknown;
	rawBody: string;
	/** 0 until answered, and for dropped requests. */
	status: number;
	/** Set when an injected fault destroyed the connection. */
	dropped?: 'before' | 'after';
	/**
	 * The route handler ran and accepted the request (status below 400), not as a replay: for a
	 * request that acts, one side effect on the platform, whatever reached the client after it.
	 */
	committed?: boolean;
	/** Answered from an idempotence store (`RouteContext.replay`). */
	replay?: boolean;
	/** Delay the fake added before handling (latency plus injected delay), ms. */
	delayMs?: number;
	/** Arrival time, epoch ms. */
	at: number;
}

export interface Injection {
	method?: string;
	/** Tested against the path without the query string. */
	path?: RegExp;
	/** Only requests whose raw body contains this text (one client among many). */
	bodyIncludes?: string;
	/** How many matching requests it applies to; default 1. */
	times?: number;
	/** With `status` or `body` the route handler is NOT run (unless `commit`): nothing is committed. */
	status?: number;
	body?: unknown;
	/** Added to the answer (e.g. `Retry-After`). */
	headers?: Record<string, string>;
	delayMs?: number;
	/** `before`: destroy the socket without handling; `after`: run the handler (state committed), then destroy. */
	drop?: 'before' | 'after';
	/** Run the handler, then answer its status with a body that is not valid JSON. */
	invalidJson?: boolean;
	/** Answer with no body at all (with `status`: an error without a body). */
	emptyBody?: boolean;
	/**
	 * The platform acts first, then the fault hits the way back: the route handler runs (state
	 * committed), then `status`/`body` replaces its answer or `delayMs` holds it back (a gateway
	 * that gave up on a backend which did the work).
	 */
	commit?: boolean;
}

export interface FakePlatformOptions {
	/** Delay added to every request, ms. */
	latencyMs?: number;
	chat?: ChatOptions;
	/**
	 * API modules after the built-in Chat one, each `(platform) => new XModule(platform, options)`,
	 * built in order with the platform (so a factory may use `platform.module(...)` of earlier ones).
	 */
	modules?: Array<(platform: FakePlatform) => FakeModule>;
}

// ---------------------------------------------------------------------------------------------
// The three error shapes the platform answers with

/** ISO time with offset, like Spring Boot's default error `timestamp`. */
function springTimestamp(): string {
	return new Date().toISOString().replace('Z', '+00:00');
}

const REASONS: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	405: 'Method Not Allowed',
	409: 'Conflict',
	413: 'Payload Too Large',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

export const errors = {
	/** Spring Boot default: `{timestamp, status, error, message, path}` (Chat API). */
	spring(status: number, message: string, path: string): FakeReply {
		return {
			status,
			body: {
				timestamp: springTimestamp(),
				status,
				error: REASONS[status] ?? 'Error',
				message,
				path,
			},
		};
	},
	/** API gateway: `{error, message, args}` (unified API, NLP). */
	gateway(
		status: number,
		error: string,
		message: string,
		args: Record<string, unknown> = {},
	): FakeReply {
		return { status, body: { error, message, args } };
	},
	/** Calls API: `{type, message}`. */
	calls(status: number, type: string, message: string): FakeReply {
		return { status, body: { type, message } };
	},
};

/**
 * What a handler returns to let the next route with the same path answer: for paths served by
 * several modules (`/api/v1/async/events` answers Reporter's reports and Project's deploys).
 */
export const NEXT_ROUTE: FakeReply = Object.freeze({ status: 0 });

export function json(status: number, body?: unknown, headers?: Record<string, string>): FakeReply {
	return { status, body, headers };
}

// ---------------------------------------------------------------------------------------------
// Routing

interface CompiledRoute {
	route: Route;
	module: FakeModule;
	regex: RegExp;
	names: string[];
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compile(route: Route, module: FakeModule): CompiledRoute {
	const names: string[] = [];
	const source = route.pattern
		.split('/')
		.map((segment) => {
			// `:name` is a whole segment, or ends one after a literal prefix (`push_:id`).
			const colon = segment.indexOf(':');
			if (colon < 0) return escapeRegex(segment);
			names.push(segment.slice(colon + 1));
			return `${escapeRegex(segment.slice(0, colon))}([^/]+)`;
		})
		.join('/');
	return { route, module, regex: new RegExp(`^${source}/?$`), names };
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

const sleep = async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// The platform

export class FakePlatform {
	url = '';

	readonly requests: RecordedRequest[] = [];

	/**
	 * Requests that broke the specs' contract, kept across `reset()` so a suite can check all its
	 * runs at the end. Today: `Idempotence-Key` in a query string (specs/common.yml: a header; on
	 * the CRM GET every extra query parameter is payload for the bot script).
	 */
	readonly contractViolations: string[] = [];

	/**
	 * Requests a vendor spec forbids (spec.cts), one line each (`METHOD /template (file): what`),
	 * kept across `reset()`; each was answered with the spec's error status. A suite asserts none.
	 */
	readonly specViolations: string[] = [];

	/** Requests checked against a vendor spec (0 when the specs are absent). */
	specChecked = 0;

	/** Delay added to every request, ms. */
	latencyMs: number;

	/** Requests being handled now, and the most at once since the last reset (concurrency checks). */
	inFlight = 0;

	maxInFlight = 0;

	/** The built-in Chat module: the same as `module(ChatModule)`. */
	readonly chat: ChatModule;

	private readonly server: http.Server;

	private readonly sockets = new Set<Socket>();

	private readonly modules: FakeModule[] = [];

	private routes: CompiledRoute[] = [];

	private injections: Array<Injection & { remaining: number }> = [];

	private readonly initialLatencyMs: number;

	/** Aborted on close, so pending long polls and handlers end at once. */
	private readonly closing = new AbortController();

	constructor(options: FakePlatformOptions = {}) {
		this.initialLatencyMs = options.latencyMs ?? 0;
		this.latencyMs = this.initialLatencyMs;
		// Bound, so tests may destructure them: `const { inject, reset } = fake`.
		this.inject = this.inject.bind(this);
		this.requestsTo = this.requestsTo.bind(this);
		this.reset = this.reset.bind(this);
		this.close = this.close.bind(this);
		this.use = this.use.bind(this);
		this.module = this.module.bind(this);
		this.takeSpecViolations = this.takeSpecViolations.bind(this);
		this.chat = new ChatModule(this, options.chat);
		this.use(this.chat);
		for (const factory of options.modules ?? []) this.use(factory(this));
		this.server = http.createServer((req, res) => void this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
	}

	/** Plugs in an API module; its routes are tried after those already registered. */
	use(module: FakeModule): void {
		this.modules.push(module);
		this.routes.push(...module.routes.map((route) => compile(route, module)));
	}

	/** The mounted module of this class (the first one mounted); throws when there is none. */
	module<M extends FakeModule>(type: abstract new (...args: never[]) => M): M {
		const found = this.modules.find((module): module is M => module instanceof type);
		if (!found) throw new Error(`Fake platform: no ${type.name} mounted`);
		return found;
	}

	async listen(): Promise<void> {
		await new Promise<void>((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(0, '127.0.0.1', () => resolve());
		});
		const { port } = this.server.address() as AddressInfo;
		this.url = `http://127.0.0.1:${port}`;
	}

	/** Applies faults to the next matching requests, in the order injected. */
	inject(injection: Injection): void {
		this.injections.push({ ...injection, remaining: injection.times ?? 1 });
	}

	/** Recorded requests whose method matches and whose path matches every given pattern. */
	requestsTo(...filters: Array<string | RegExp>): RecordedRequest[] {
		return this.requests.filter((request) =>
			filters.every((filter) =>
				typeof filter === 'string'
					? request.method === filter.toUpperCase()
					: filter.test(request.path),
			),
		);
	}

	/** Forgets requests, injections and all module state; settings go back to the options. */
	reset(): void {
		this.requests.length = 0;
		this.maxInFlight = this.inFlight;
		this.injections = [];
		this.latencyMs = this.initialLatencyMs;
		for (const module of this.modules) module.reset?.();
	}

	/** The spec violations so far, forgotten: for a test that sends a forbidden request on purpose. */
	takeSpecViolations(): string[] {
		return this.specViolations.splice(0);
	}

	/** Stops everything, keep-alive sockets included, so jest can exit. */
	async close(): Promise<void> {
		if (!this.closing.signal.aborted) reportSpecStats(this.specChecked, this.specViolations);
		this.closing.abort();
		for (const module of this.modules) await module.close?.();
		const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
		this.server.closeAllConnections();
		for (const socket of this.sockets) socket.destroy();
		await closed;
	}

	private takeInjection(method: string, path: string, rawBody: string): Injection | undefined {
		const index = this.injections.findIndex(
			(injection) =>
				(!injection.method || injection.method.toUpperCase() === method) &&
				(!injection.path || injection.path.test(path)) &&
				(!injection.bodyIncludes || rawBody.includes(injection.bodyIncludes)),
		);
		if (index < 0) return undefined;
		const injection = this.injections[index];
		if (--injection.remaining <= 0) this.injections.splice(index, 1);
		return injection;
	}

	private async readBody(req: http.IncomingMessage): Promise<string> {
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		return Buffer.concat(chunks).toString('utf8');
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const method = (req.method ?? 'GET').toUpperCase();
		const rawPath = req.url ?? '/';
		const queryAt = rawPath.indexOf('?');
		const path = queryAt < 0 ? rawPath : rawPath.slice(0, queryAt);
		const query: Record<string, string> = {};
		new URLSearchParams(queryAt < 0 ? '' : rawPath.slice(queryAt + 1)).forEach((value, key) => {
			query[key] = value;
		});
		let rawBody: string;
		try {
			rawBody = await this.readBody(req);
		} catch {
			return; // the client went away mid-body
		}
		const record: RecordedRequest = {
			method,
			path,
			rawPath,
			query,
			headers: req.headers,
			body: undefined,
			rawBody,
			status: 0,
			at: Date.now(),
		};
		this.requests.push(record);
		if (Object.keys(query).some((key) => key.toLowerCase() === 'idempotence-key')) {
			// Path segments with digits (tokens, ids) left out: the list may end up in a test report.
			this.contractViolations.push(
				`${method} ${path.replace(/[^/]*\d[^/]*/g, '…')}: Idempotence-Key in the query string`,
			);
		}
		this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlight);
		let done = false;
		const finished = () => {
			if (!done) this.inFlight--;
			done = true;
		};
		res.on('finish', finished).on('close', finished);

		// Ends long polls when the client gives up (the response closes before it was sent).
		const disconnected = new AbortController();
		res.on('close', () => {
			if (!res.writableEnded) disconnected.abort();
		});
		const signal = AbortSignal.any([disconnected.signal, this.closing.signal]);

		const injection = this.takeInjection(method, path, rawBody);
		const commitFirst = injection?.commit === true;
		const delay = this.latencyMs + (commitFirst ? 0 : (injection?.delayMs ?? 0));
		record.delayMs = delay;
		if (delay > 0) await sleep(delay);
		if (signal.aborted) return;

		if (injection?.drop === 'before') {
			record.dropped = 'before';
			req.socket.destroy();
			return;
		}

		let reply: FakeReply | undefined;
		const injected = injection && (injection.status !== undefined || injection.body !== undefined);
		if (!injected || commitFirst)
			reply = await this.dispatch(
				method,
				path,
				rawPath,
				query,
				req.headers,
				rawBody,
				record,
				signal,
			);
		if (injection && injected) {
			const status = injection.status ?? 200;
			reply =
				injection.body !== undefined
					? { status, body: injection.body }
					: errors.spring(status, REASONS[status] ?? 'Injected fault', path);
		}
		if (commitFirst && injection?.delayMs) await sleep(injection.delayMs);
		if (signal.aborted || !reply) return;

		if (injection?.drop === 'after') {
			record.dropped = 'after';
			req.socket.destroy();
			return;
		}
		if (injection?.invalidJson) reply = { ...reply, raw: '{"truncated": tru' };
		if (injection?.emptyBody) reply = { status: reply.status, raw: '' };
		if (injection?.headers)
			reply = { ...reply, headers: { ...reply.headers, ...injection.headers } };
		this.send(res, reply);
		record.status = reply.status;
	}

	private async dispatch(
		method: string,
		path: string,
		rawPath: string,
		query: Record<string, string>,
		headers: http.IncomingHttpHeaders,
		rawBody: string,
		record: RecordedRequest,
		signal: AbortSignal,
	): Promise<FakeReply> {
		let body: unknown;
		if (rawBody.trim() !== '') {
			try {
				body = JSON.parse(rawBody);
			} catch (error) {
				if (/json/i.test(String(headers['content-type'] ?? ''))) {
					return errors.spring(400, `JSON parse error: ${(error as Error).message}`, path);
				}
				body = rawBody;
			}
		}
		record.body = body;

		let allowed = false;
		let checked = false;
		for (const { route, module, regex, names } of this.routes) {
			const match = regex.exec(path);
			if (!match) continue;
			if (route.method !== method) {
				allowed = true;
				continue;
			}
			// The vendor spec first, once, by the first spec'd module that serves the route.
			if (module.spec && route.spec !== false && !checked) {
				checked = true;
				const check = checkRequest(module.spec, { method, path, rawPath, body, rawBody });
				if (check) this.specChecked++;
				if (check?.problems.length) {
					record.committed = false;
					this.specViolations.push(
						...check.problems.map((problem) => `${check.operation}: ${problem}`),
					);
					return module.spec.error(
						check.status,
						`Request refused by the spec: ${check.problems.join('; ')}`,
						path,
					);
				}
			}
			const params: Record<string, string> = {};
			names.forEach((name, index) => (params[name] = safeDecode(match[index + 1])));
			const request: FakeRequest = { method, path, rawPath, query, params, headers, body, rawBody };
			let reply: FakeReply;
			const replay = () => {
				record.replay = true;
			};
			try {
				reply = await route.handler(request, { platform: this, signal, json, errors, replay });
			} catch (error) {
				return errors.spring(
					500,
					`Fake platform handler failed: ${(error as Error).message}`,
					path,
				);
			}
			// A module that shares a path with another (the Async API) passes what is not its own.
			if (reply === NEXT_ROUTE) continue;
			record.committed = reply.status < 400 && !record.replay;
			return reply;
		}
		if (allowed) return errors.spring(405, `Request method '${method}' is not supported`, path);
		return errors.spring(404, `No handler found for ${method} ${path}`, path);
	}

	private send(res: http.ServerResponse, reply: FakeReply): void {
		if (reply.stream) {
			res.writeHead(reply.status, { ...reply.headers });
			reply.stream.pipe(res);
			return;
		}
		const text = reply.raw ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
		const headers: Record<string, string> = { ...reply.headers };
		if (text && !Object.keys(headers).some((key) => key.toLowerCase() === 'content-type')) {
			headers['Content-Type'] = 'application/json';
		}
		headers['Content-Length'] = String(Buffer.byteLength(text));
		res.writeHead(reply.status, headers);
		res.end(text);
	}
}

/** Every platform started in this test file (the spec check of integration.cts reads them). */
export const startedPlatforms: FakePlatform[] = [];

/** Starts a fake platform on 127.0.0.1 with a random port. Call `close()` in `afterAll`. */
export async function startFakePlatform(options: FakePlatformOptions = {}): Promise<FakePlatform> {
	const platform = new FakePlatform(options);
	startedPlatforms.push(platform);
	await platform.listen();
	return platform;
}
