/**
 * Chat API module of the fake platform. Routes follow nodes/common/chat/api.ts (CHAT_ROUTES) one to one.
 * By default it sends and answers exactly the shapes the platform's Chat API pages show (webhook
 * body, events with only their `timestamp`, the simplified GET's clientId/query/event, the async
 * message ID). Where the pages are silent (docs/platform-assumptions.md) the behaviour is a switch,
 * so tests can run the nodes against each reading. A deterministic bot answers; everything it says
 * is kept per token + clientId (history, message statuses, saved state) and in one event log per token.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';

import {
	errors,
	json,
	type FakeModule,
	type FakePlatform,
	type FakeReply,
	type FakeRequest,
	type Route,
	type RouteContext,
} from './server.cts';

// ---------------------------------------------------------------------------------------------
// Types

export interface ChatOptions {
	/** Known channel tokens; any other token gets 404. Default `['chat-token-1']`. */
	tokens?: string[];
	/** How long `/events` holds a request that has nothing to return, ms. Default 1000. */
	longPollMs?: number;
	/** Webhook URL per token. */
	webhooks?: Record<string, string>;
	/** Webhook body as a one-element array (default) or a bare object. */
	webhookAsArray?: boolean;
	/** Pause between webhook attempts, ms. Default 3000 (tests use ~50). */
	webhookRetryDelayMs?: number;
	/** An attempt without an answer within this time counts as failed, ms. Default 3000. */
	webhookTimeoutMs?: number;
	/** Delay between the `switch` reply and the live agent's first message, ms. Default 100. */
	agentReplyDelayMs?: number;
	/**
	 * Webhook bodies carry what the documents do not show: kind marks (`type: agentResponse|textCampaign`,
	 * `campaignId`, `event: "timeout"`, the ones nodes/common/chat/events.ts can read) and the
	 * request's echo (query, event, cid). Default false: the documented body has none of them.
	 */
	markers?: boolean;
	/** `/events?ts=` returns events at exactly `ts` too ("starting from which"). Default true. */
	eventsTsInclusive?: boolean;
	/** What the simplified `GET /chatapi/{token}` answers: the request's clientId/query/event (documented, default) or the full bot answer. */
	simplifiedGetAnswer?: SimplifiedGetAnswer;
	/**
	 * How `/async` answers "only the message ID": plain text (default), `{questionId}`, a JSON
	 * string, a JSON number, or a JSON number beyond 2^53 (`bigNumber`: JavaScript cannot hold it).
	 */
	asyncAnswer?: AsyncAnswer;
	/**
	 * The history answer, not shown by the pages: a bare array (default: the notes' reading, a list
	 * of messages ordered by time, no wrapper invented) or `{messages, total}` (`wrapped`).
	 */
	historyShape?: HistoryShape;
	/**
	 * History items. `messages` (default): shaped like the messages the pages print, with nothing
	 * added: a bot message as the answer object `{questionId, timestamp, data: {replies, answer}}`, a
	 * client's as the request `{questionId, timestamp, query | event}` (no clientId: the path names
	 * the client; no type field: none is documented). `flat`: `{questionId, clientId, type:
	 * request|response, text, replies, timestamp, ts, status}`, the shape earlier fakes invented.
	 */
	historyItems?: HistoryItems;
	/**
	 * History query parameters (`from`, `to`, `offset`, `limit`: not documented). `ignored`
	 * (default): unknown parameters change nothing, the whole history comes back. `validated`:
	 * honoured, bad values refused with 400.
	 */
	historyParams?: HistoryParams;
	/**
	 * With `historyParams: validated`, a `limit` above this is served at this size without a word
	 * (a server that clamps; the pages give no maximum). Default: none.
	 */
	historyClamp?: number;
	/** The `/events` type of a client request; not documented. Default `clientRequest`. */
	requestEventType?: string;
	/**
	 * The `/events` type of a live agent's reply; not documented (the one live shape shows only
	 * `botResponse`, for bot replies). Default `botResponse`: nothing tells it from a bot reply
	 * but the `all` filter, which lists agent replies only (documented).
	 */
	agentEventType?: string;
	/**
	 * `/events` events carry the client's ID inside `event`. Default false: the live shape has
	 * none (`{type, event: {questionId, timestamp, data}}`).
	 */
	eventClientId?: boolean;
	/**
	 * A client request's `/events` event carries what was sent (query or event, data, cid).
	 * Default false: its shape is not documented, so only questionId and timestamp.
	 */
	requestEventText?: boolean;
	/** Fields the bot script sets on `$response`: nested in `data` of every bot answer. Default none. */
	responseData?: Record<string, unknown>;
	/**
	 * Two messages never share a millisecond (default true): keeps tests deterministic. Off, the
	 * clock is plain `Date.now()` and same-millisecond events happen, as on a real server.
	 */
	strictClock?: boolean;
	/**
	 * The zone of the platform's clock: every zone-less timestamp it writes is a local time there
	 * (default `UTC`). `ts`, `from` and `to` in epoch ms stay instants either way (`events_`).
	 */
	timeZone?: string;
}

export type SimplifiedGetAnswer = 'echo' | 'full';
export type AsyncAnswer = 'text' | 'json' | 'jsonString' | 'number' | 'bigNumber';
export type HistoryShape = 'array' | 'wrapped';
export type HistoryItems = 'messages' | 'flat';
export type HistoryParams = 'ignored' | 'validated';

export const MESSAGE_STATUSES = ['SENT', 'DELIVERED', 'READ', 'NOT_SENT'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export type ChatEventType = 'botResponse' | 'clientRequest' | 'agentResponse';

export interface Reply {
	type: string;
	[key: string]: unknown;
}

/** The sync answer, the webhook payload and the `botResponse` event all have this shape. */
export interface ChatResponse {
	token: string;
	clientId: string;
	questionId: string;
	query?: string;
	event?: string;
	data: {
		replies: Reply[];
		answer: string;
		nlpClass?: string;
		confidence?: number;
		newSessionStarted: boolean;
		endSession: boolean;
		debugData: unknown[];
		[custom: string]: unknown;
	};
	timestamp: string;
	cid?: string;
	blockForm: boolean;
	/** Kind marks, only with the `markers` switch on (the documents show none). */
	type?: 'agentResponse' | 'textCampaign';
	campaignId?: string;
}

export interface HistoryMessage {
	questionId: string;
	clientId: string;
	type: 'request' | 'response';
	text: string;
	/** Set on requests that fired an event instead of a text. */
	event?: string;
	/** Bot replies of a response. */
	replies?: Reply[];
	timestamp: string;
	ts: number;
	/** Responses only. */
	status?: MessageStatus;
}

export interface ChatEvent {
	type: ChatEventType;
	/** Kept outside `event` for filtering; not sent. */
	clientId: string;
	cid?: string;
	/** Epoch ms, for the `ts` filter; not sent (events carry only `timestamp`). */
	ts: number;
	event: Record<string, unknown>;
}

export interface ChatClient {
	clientId: string;
	history: HistoryMessage[];
	/** Status of each bot message, by questionId. */
	statuses: Map<string, MessageStatus>;
	/** Saved chat application state; `undefined` until saved. */
	state?: unknown;
	sessionStarted: boolean;
}

export interface WebhookDelivery {
	url: string;
	body: unknown;
	/** 1 for the first try, up to 4. */
	attempt: number;
	/** Why the platform called: `async`, `agent`, `campaign`, `timeout`. */
	reason: string;
	/** HTTP status of the receiver's answer, when there was one. */
	status?: number;
	/** Network error code or `timeout`, when there was no answer. */
	error?: string;
	at: number;
}

interface Channel {
	clients: Map<string, ChatClient>;
	events: ChatEvent[];
	/** Events cursor per filter, for `/events` calls without `ts` ("since the previous request"). */
	cursors: Map<string, number>;
}

interface IncomingMessage {
	clientId: string;
	query?: string;
	event?: string;
	data?: Record<string, unknown>;
	cid?: string;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

/** ISO local date-time in `zone` without zone, with ms: `2024-05-01T10:00:00.123` (the platform's format). */
export function platformTimestamp(ms: number, zone = 'UTC'): string {
	return new Date(ms + zoneOffsetMs(zone, ms)).toISOString().replace('Z', '');
}

/** The zone's offset from UTC at `ms` (east positive), from Intl: independent of the node code. */
function zoneOffsetMs(zone: string, ms: number): number {
	if (zone === 'UTC') return 0;
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		...{ year: 'numeric', month: 'numeric', day: 'numeric' },
		...{ hour: 'numeric', minute: 'numeric', second: 'numeric' },
	}).formatToParts(ms);
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return wall - Math.floor(ms / 1000) * 1000;
}

/** Epoch ms of a zone-less local date-time in `zone` (the inverse of `platformTimestamp`). */
function localMs(text: string, zone: string): number {
	const wall = Date.parse(`${text}Z`);
	return wall - zoneOffsetMs(zone, wall - zoneOffsetMs(zone, wall));
}

const EVENTS_PAGE_MAX = 250;
const HISTORY_PAGE_MAX = 250;
const WEBHOOK_RETRIES = 3;

function isObject(value: unknown): value is Record<string, unknown> {
	return !!value && typeof value === 'object' && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * Epoch ms from a query value: a number or an ISO date, zone-less ones local in `zone`. `null`
 * means present but invalid.
 */
function epochParam(value: string | undefined, zone: string): number | undefined | null {
	if (value === undefined || value === '') return undefined;
	if (/^-?\d+$/.test(value)) return Number(value);
	const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
	const ms = zoned ? Date.parse(value) : localMs(value, zone);
	return Number.isFinite(ms) ? ms : null;
}

// ---------------------------------------------------------------------------------------------
// The module

export class ChatModule implements FakeModule {
	readonly routes: Route[];

	/** Every webhook attempt, in order. */
	readonly deliveries: WebhookDelivery[] = [];

	webhookAsArray: boolean;

	webhookRetryDelayMs: number;

	webhookTimeoutMs: number;

	longPollMs: number;

	agentReplyDelayMs: number;

	markers: boolean;

	eventsTsInclusive: boolean;

	simplifiedGetAnswer: SimplifiedGetAnswer;

	asyncAnswer: AsyncAnswer;

	historyShape: HistoryShape;

	historyItems: HistoryItems;

	historyParams: HistoryParams;

	historyClamp: number | undefined;

	requestEventType: string;

	agentEventType: string;

	eventClientId: boolean;

	requestEventText: boolean;

	responseData: Record<string, unknown>;

	strictClock: boolean;

	timeZone: string;

	/** The clock messages are stamped with; a test may freeze it (same-millisecond events). */
	now: () => number = () => Date.now();

	private readonly initialTokens: string[];

	private readonly initialWebhooks: Record<string, string>;

	private tokens = new Set<string>();

	private webhooks = new Map<string, string>();

	private channels = new Map<string, Channel>();

	/** Long polls waiting for an event; each re-checks its filter when woken. */
	private waiters = new Set<() => void>();

	private timers = new Set<NodeJS.Timeout>();

	/** Cancels pending pauses between webhook attempts (they resolve early). */
	private pauses = new Set<() => void>();

	/** Bumped by `reset()`: work started before it stops instead of touching the new state. */
	private generation = 0;

	private outgoing = new Set<http.ClientRequest>();

	/** Deliveries (all attempts of one payload) still running. */
	private pending = new Set<Promise<void>>();

	private lastTs = 0;

	/** For numeric message IDs (`asyncAnswer: 'number'`). */
	private numericIds = 1_000_000;

	/** For numeric message IDs beyond 2^53 (`asyncAnswer: 'bigNumber'`). */
	private bigIds = 2n ** 53n;

	constructor(
		private readonly platform: FakePlatform,
		private readonly options: ChatOptions = {},
	) {
		this.initialTokens = options.tokens ?? ['chat-token-1'];
		this.initialWebhooks = { ...options.webhooks };
		this.webhookAsArray = options.webhookAsArray ?? true;
		this.webhookRetryDelayMs = options.webhookRetryDelayMs ?? 3000;
		this.webhookTimeoutMs = options.webhookTimeoutMs ?? 3000;
		this.longPollMs = options.longPollMs ?? 1000;
		this.agentReplyDelayMs = options.agentReplyDelayMs ?? 100;
		this.markers = options.markers ?? false;
		this.eventsTsInclusive = options.eventsTsInclusive ?? true;
		this.simplifiedGetAnswer = options.simplifiedGetAnswer ?? 'echo';
		this.asyncAnswer = options.asyncAnswer ?? 'text';
		this.historyShape = options.historyShape ?? 'array';
		this.historyItems = options.historyItems ?? 'messages';
		this.historyParams = options.historyParams ?? 'ignored';
		this.historyClamp = options.historyClamp;
		this.requestEventType = options.requestEventType ?? 'clientRequest';
		this.agentEventType = options.agentEventType ?? 'botResponse';
		this.eventClientId = options.eventClientId ?? false;
		this.requestEventText = options.requestEventText ?? false;
		this.responseData = { ...options.responseData };
		this.strictClock = options.strictClock ?? true;
		this.timeZone = options.timeZone ?? 'UTC';
		this.reset();
		this.routes = this.buildRoutes();
	}

	// ---- test helpers -------------------------------------------------------------------------

	addToken(token: string): void {
		this.tokens.add(token);
	}

	setWebhook(token: string, url: string | undefined): void {
		if (url) this.webhooks.set(token, url);
		else this.webhooks.delete(token);
	}

	/** The stored client, or `undefined` when it never wrote. */
	client(token: string, clientId: string): ChatClient | undefined {
		return this.channels.get(token)?.clients.get(clientId);
	}

	history(token: string, clientId: string): HistoryMessage[] {
		return this.client(token, clientId)?.history ?? [];
	}

	events(token: string): ChatEvent[] {
		return this.channels.get(token)?.events ?? [];
	}

	/** A live agent answers the client: history entry, `agentResponse` event and webhook call. */
	pushAgentReply(
		token: string,
		clientId: string,
		replyText: string,
		options: { cid?: string } = {},
	): ChatResponse {
		const response = this.botMessage(
			token,
			clientId,
			[{ type: 'text', text: replyText }],
			undefined,
			options.cid,
		);
		this.addEvent(
			token,
			'agentResponse',
			clientId,
			options.cid,
			this.eventBody(response),
			localMs(response.timestamp, this.timeZone),
		);
		if (this.markers) response.type = 'agentResponse';
		this.deliver(token, response, 'agent');
		return response;
	}

	/** A text campaign run: one webhook call per client, shaped like a bot answer. */
	runTextCampaign(token: string, clientIds: string[], campaignText: string): ChatResponse[] {
		return clientIds.map((clientId) => {
			const response = this.botMessage(
				token,
				clientId,
				[{ type: 'text', text: campaignText, state: '/Campaign' }],
				'/Campaign',
			);
			if (this.markers) Object.assign(response, { type: 'textCampaign', campaignId: 'campaign-1' });
			this.deliver(token, response, 'campaign');
			return response;
		});
	}

	/** The `timeout` reply fired: the bot speaks on its own, by webhook and as an event. */
	fireTimeout(token: string, clientId: string): ChatResponse {
		const response = this.botMessage(
			token,
			clientId,
			[{ type: 'text', text: 'Are you still there?', state: '/Timeout' }],
			'/Timeout',
		);
		this.addEvent(
			token,
			'botResponse',
			clientId,
			undefined,
			this.eventBody(response),
			localMs(response.timestamp, this.timeZone),
		);
		if (this.markers) response.event = 'timeout';
		this.deliver(token, response, 'timeout');
		return response;
	}

	/**
	 * The bot handles an event raised on the platform side (a fired pushback, a scheduled event):
	 * its reply goes out by webhook and as an event, like the answer to an async request.
	 */
	botEvent(
		token: string,
		clientId: string,
		event: string,
		data?: Record<string, unknown>,
	): ChatResponse {
		if (!this.tokens.has(token)) throw new Error(`Unknown Chat API token ${token}`);
		const response = this.process(token, { clientId, event, data });
		this.deliver(token, response, 'pushback');
		return response;
	}

	/** Resolves when every webhook delivery started so far has finished (all its attempts). */
	async idle(): Promise<void> {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}

	/** Resolves once at least `count` webhook attempts were recorded. */
	async waitForDeliveries(count: number, timeoutMs = 5000): Promise<WebhookDelivery[]> {
		const until = Date.now() + timeoutMs;
		while (this.deliveries.length < count) {
			if (Date.now() > until) {
				throw new Error(`Expected ${count} webhook deliveries, got ${this.deliveries.length}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		return this.deliveries;
	}

	// ---- FakeModule ---------------------------------------------------------------------------

	reset(): void {
		this.generation++;
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		for (const cancel of [...this.pauses]) cancel();
		for (const request of this.outgoing) request.destroy();
		this.tokens = new Set(this.initialTokens);
		this.webhooks = new Map(Object.entries(this.initialWebhooks));
		this.channels = new Map();
		this.wakeWaiters(); // pending long polls see their channel gone and answer
		this.deliveries.length = 0;
		this.webhookAsArray = this.options.webhookAsArray ?? true;
		this.webhookRetryDelayMs = this.options.webhookRetryDelayMs ?? 3000;
		this.webhookTimeoutMs = this.options.webhookTimeoutMs ?? 3000;
		this.longPollMs = this.options.longPollMs ?? 1000;
		this.agentReplyDelayMs = this.options.agentReplyDelayMs ?? 100;
		this.markers = this.options.markers ?? false;
		this.eventsTsInclusive = this.options.eventsTsInclusive ?? true;
		this.simplifiedGetAnswer = this.options.simplifiedGetAnswer ?? 'echo';
		this.asyncAnswer = this.options.asyncAnswer ?? 'text';
		this.historyShape = this.options.historyShape ?? 'array';
		this.historyItems = this.options.historyItems ?? 'messages';
		this.historyParams = this.options.historyParams ?? 'ignored';
		this.historyClamp = this.options.historyClamp;
		this.requestEventType = this.options.requestEventType ?? 'clientRequest';
		this.agentEventType = this.options.agentEventType ?? 'botResponse';
		this.eventClientId = this.options.eventClientId ?? false;
		this.requestEventText = this.options.requestEventText ?? false;
		this.responseData = { ...this.options.responseData };
		this.strictClock = this.options.strictClock ?? true;
		this.timeZone = this.options.timeZone ?? 'UTC';
		this.now = () => Date.now();
	}

	async close(): Promise<void> {
		this.reset();
		await Promise.allSettled([...this.pending]);
	}

	// ---- store --------------------------------------------------------------------------------

	/**
	 * The time a message is stamped with. Strictly increasing unless `strictClock` is off: a test
	 * choice for deterministic runs, not a platform promise (a real server may stamp two messages
	 * with the same millisecond).
	 */
	private nextTs(): number {
		this.lastTs = this.strictClock ? Math.max(this.now(), this.lastTs + 1) : this.now();
		return this.lastTs;
	}

	private newQuestionId(): string {
		if (this.asyncAnswer === 'bigNumber') return String(++this.bigIds);
		return this.asyncAnswer === 'number' ? String(++this.numericIds) : randomUUID();
	}

	private channel(token: string): Channel {
		let channel = this.channels.get(token);
		if (!channel) {
			channel = { clients: new Map(), events: [], cursors: new Map() };
			this.channels.set(token, channel);
		}
		return channel;
	}

	private clientOf(token: string, clientId: string): ChatClient {
		const clients = this.channel(token).clients;
		let client = clients.get(clientId);
		if (!client) {
			client = { clientId, history: [], statuses: new Map(), sessionStarted: false };
			clients.set(clientId, client);
		}
		return client;
	}

	private addEvent(
		token: string,
		type: ChatEventType,
		clientId: string,
		cid: string | undefined,
		event: Record<string, unknown>,
		ts: number,
	): void {
		this.channel(token).events.push({ type, clientId, cid, ts, event });
		this.wakeWaiters();
	}

	private wakeWaiters(): void {
		for (const wake of [...this.waiters]) wake();
	}

	/**
	 * An event carries what the live shape shows: questionId, timestamp and data (the client's ID
	 * only with `eventClientId`).
	 */
	private eventBody(response: ChatResponse): Record<string, unknown> {
		const { questionId, timestamp, data, clientId } = response;
		return { questionId, ...(this.eventClientId ? { clientId } : {}), timestamp, data };
	}

	/** Something the channel says to a client outside a request (agent, campaign, timeout). */
	private botMessage(
		token: string,
		clientId: string,
		replies: Reply[],
		/** The bot's class; none for a live agent's message (the documents give it no value). */
		nlpClass: string | undefined,
		cid?: string,
	): ChatResponse {
		if (!this.tokens.has(token)) throw new Error(`Unknown Chat API token ${token}`);
		const client = this.clientOf(token, clientId);
		const ts = this.nextTs();
		const questionId = this.newQuestionId();
		const answer = replies
			.filter((r) => r.type === 'text')
			.map((r) => String(r.text))
			.join('\n\n');
		client.history.push({
			questionId,
			clientId,
			type: 'response',
			text: answer,
			replies,
			timestamp: platformTimestamp(ts, this.timeZone),
			ts,
			status: 'SENT',
		});
		client.statuses.set(questionId, 'SENT');
		const response: ChatResponse = {
			token,
			clientId,
			questionId,
			data: {
				replies,
				answer,
				...(nlpClass !== undefined ? { nlpClass, confidence: 1 } : {}),
				newSessionStarted: false,
				endSession: false,
				debugData: [],
			},
			timestamp: platformTimestamp(ts, this.timeZone),
			blockForm: false,
		};
		if (cid) response.cid = cid;
		return response;
	}

	// ---- the bot ------------------------------------------------------------------------------

	/** Deterministic answers, so tests can assert exact replies. */
	private script(message: IncomingMessage): {
		replies: Reply[];
		nlpClass?: string;
		confidence?: number;
		agent?: boolean;
	} {
		if (message.event !== undefined) {
			const state = `/Event/${message.event}`;
			return {
				replies: [{ type: 'text', text: `Event ${message.event} received`, state }],
				nlpClass: state,
				confidence: 1,
			};
		}
		const query = message.query ?? '';
		switch (query.trim().toLowerCase()) {
			case 'hello':
				return {
					replies: [{ type: 'text', text: 'Hello! I am the test bot.', state: '/Start' }],
					nlpClass: '/Start',
					confidence: 1,
				};
			case 'buttons':
				return {
					replies: [
						{ type: 'text', text: 'Choose an option', state: '/Buttons' },
						{ type: 'buttons', buttons: [{ text: 'Yes' }, { text: 'No' }], state: '/Buttons' },
					],
					nlpClass: '/Buttons',
					confidence: 0.95,
				};
			case 'agent':
				return {
					replies: [
						{
							type: 'switch',
							firstMessage: 'The client asks for an agent',
							closeChatPhrases: ['/close'],
							ignoreOffline: true,
							oneTimeMessage: false,
							state: '/Agent',
						},
					],
					nlpClass: '/Agent',
					confidence: 0.95,
					agent: true,
				};
			default:
				return {
					replies: [{ type: 'text', text: `You said: ${query}`, state: '/Echo' }],
					nlpClass: '/Echo',
					confidence: 0.9,
				};
		}
	}

	/** Validates a send request; a reply when it is refused. */
	private parseMessage(source: Record<string, unknown>, path: string): IncomingMessage | FakeReply {
		const clientId = text(source.clientId);
		if (!clientId) return errors.spring(400, 'Required parameter clientId is missing', path);
		const query = text(source.query);
		const event = text(source.event);
		if ((query === undefined) === (event === undefined)) {
			return errors.spring(400, 'Exactly one of query and event must be given', path);
		}
		if (source.data !== undefined && !isObject(source.data)) {
			return errors.spring(400, 'data must be a JSON object', path);
		}
		const cid = text(source.cid);
		return {
			clientId,
			query,
			event,
			data: source.data as Record<string, unknown> | undefined,
			cid,
		};
	}

	/** Runs one client message through the bot: history, events, statuses; returns the answer. */
	private process(token: string, message: IncomingMessage): ChatResponse {
		const client = this.clientOf(token, message.clientId);
		const newSession = !client.sessionStarted;
		client.sessionStarted = true;
		const questionId = this.newQuestionId();

		const requestTs = this.nextTs();
		client.history.push({
			questionId,
			clientId: message.clientId,
			type: 'request',
			text: message.query ?? '',
			...(message.event !== undefined ? { event: message.event } : {}),
			timestamp: platformTimestamp(requestTs, this.timeZone),
			ts: requestTs,
		});
		this.addEvent(
			token,
			'clientRequest',
			message.clientId,
			message.cid,
			{
				questionId,
				...(this.eventClientId ? { clientId: message.clientId } : {}),
				...(this.requestEventText
					? {
							...(message.query !== undefined
								? { query: message.query }
								: { event: message.event }),
							...(message.data ? { data: message.data } : {}),
							...(message.cid ? { cid: message.cid } : {}),
						}
					: {}),
				timestamp: platformTimestamp(requestTs, this.timeZone),
			},
			requestTs,
		);

		const { replies, nlpClass, confidence, agent } = this.script(message);
		const answer = replies
			.filter((r) => r.type === 'text')
			.map((r) => String(r.text))
			.join('\n\n');
		const ts = this.nextTs();
		const response: ChatResponse = {
			token,
			clientId: message.clientId,
			questionId,
			...(message.query !== undefined ? { query: message.query } : { event: message.event }),
			// Custom fields the script sets on $response, nested in `data` (the request's data is not echoed).
			data: {
				...this.responseData,
				replies,
				answer,
				nlpClass,
				confidence,
				newSessionStarted: newSession,
				endSession: false,
				debugData: [],
			},
			timestamp: platformTimestamp(ts, this.timeZone),
			...(message.cid ? { cid: message.cid } : {}),
			blockForm: false,
		};
		client.history.push({
			questionId,
			clientId: message.clientId,
			type: 'response',
			text: answer,
			replies,
			timestamp: response.timestamp,
			ts,
			status: 'SENT',
		});
		client.statuses.set(questionId, 'SENT');
		this.addEvent(
			token,
			'botResponse',
			message.clientId,
			message.cid,
			this.eventBody(response),
			ts,
		);

		if (agent) {
			this.later(this.agentReplyDelayMs, () => {
				if (this.tokens.has(token))
					this.pushAgentReply(
						token,
						message.clientId,
						'Hello, this is agent Anna. How can I help?',
					);
			});
		}
		return response;
	}

	// ---- webhook ------------------------------------------------------------------------------

	private later(ms: number, run: () => void): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			run();
		}, ms);
		this.timers.add(timer);
	}

	private async pause(ms: number): Promise<void> {
		await new Promise<void>((resolve) => {
			const cancel = () => {
				clearTimeout(timer);
				this.pauses.delete(cancel);
				resolve();
			};
			const timer = setTimeout(cancel, ms);
			this.pauses.add(cancel);
		});
	}

	/**
	 * The webhook body has exactly the fields the platform's page prints (token, clientId,
	 * questionId, data, timestamp, blockForm). With `markers` on it also carries what the page does
	 * not show: the request's echo (query, event, cid) and the kind marks.
	 */
	private webhookEvent(response: ChatResponse): Record<string, unknown> {
		if (this.markers) return { ...response };
		const { token, clientId, questionId, data, timestamp, blockForm } = response;
		return { token, clientId, questionId, data, timestamp, blockForm };
	}

	/** POSTs a payload to the token's webhook: the first try plus 3 retries on failure. */
	private deliver(token: string, response: ChatResponse, reason: string): void {
		const url = this.webhooks.get(token);
		if (!url) return;
		const event = this.webhookEvent(response);
		const body = this.webhookAsArray ? [event] : event;
		const generation = this.generation;
		const run = (async () => {
			for (let attempt = 1; attempt <= 1 + WEBHOOK_RETRIES; attempt++) {
				if (attempt > 1) await this.pause(this.webhookRetryDelayMs);
				if (generation !== this.generation) return;
				const outcome = await this.post(url, body);
				if (generation !== this.generation) return;
				this.deliveries.push({ url, body, attempt, reason, ...outcome, at: Date.now() });
				if (outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300) return;
			}
		})();
		this.pending.add(run);
		void run.finally(() => this.pending.delete(run));
	}

	private async post(url: string, body: unknown): Promise<{ status?: number; error?: string }> {
		const text = JSON.stringify(body);
		return await new Promise((resolve) => {
			let settled = false;
			const finish = (outcome: { status?: number; error?: string }) => {
				if (settled) return;
				settled = true;
				this.outgoing.delete(request);
				resolve(outcome);
			};
			const request = http.request(
				url,
				{
					method: 'POST',
					headers: {
						'Content-Type': 'application/json',
						'Content-Length': String(Buffer.byteLength(text)),
					},
					timeout: this.webhookTimeoutMs,
					agent: false,
				},
				(response) => {
					response.resume();
					response.on('end', () => finish({ status: response.statusCode }));
					response.on('error', () => finish({ status: response.statusCode }));
				},
			);
			this.outgoing.add(request);
			request.on('timeout', () => {
				finish({ error: 'timeout' });
				request.destroy();
			});
			request.on('error', (error: NodeJS.ErrnoException) =>
				finish({ error: error.code ?? error.message }),
			);
			request.on('close', () => finish({ error: 'aborted' }));
			request.end(text);
		});
	}

	// ---- routes -------------------------------------------------------------------------------

	private buildRoutes(): Route[] {
		/** Wraps a handler with the token check every Chat API call starts with. */
		const withToken =
			(
				handler: (
					req: FakeRequest,
					token: string,
					ctx: RouteContext,
				) => FakeReply | Promise<FakeReply>,
			) =>
			async (req: FakeRequest, ctx: RouteContext): Promise<FakeReply> => {
				const token = req.params.token;
				// The real platform echoes the request path, token included: the package must redact it.
				if (!this.tokens.has(token)) return errors.spring(404, 'Channel not found', req.path);
				return await handler(req, token, ctx);
			};

		const send = (source: Record<string, unknown>, req: FakeRequest, token: string): FakeReply => {
			const message = this.parseMessage(source, req.path);
			if ('status' in message) return message;
			return json(200, this.process(token, message));
		};

		return [
			{
				method: 'POST',
				pattern: '/chatapi/:token',
				handler: withToken((req, token) =>
					isObject(req.body)
						? send(req.body, req, token)
						: errors.spring(400, 'Required request body is missing', req.path),
				),
			},
			{
				method: 'GET',
				pattern: '/chatapi/:token',
				handler: withToken((req, token) => {
					const reply = send(req.query, req, token);
					if (this.simplifiedGetAnswer === 'full' || reply.status !== 200) return reply;
					// "returns several parameters of the request: clientId, query, and event".
					const { clientId, query, event } = reply.body as ChatResponse;
					return json(200, {
						clientId,
						...(query !== undefined ? { query } : {}),
						...(event !== undefined ? { event } : {}),
					});
				}),
			},
			{
				method: 'POST',
				pattern: '/chatapi/:token/async',
				handler: withToken((req, token) => {
					if (!isObject(req.body))
						return errors.spring(400, 'Required request body is missing', req.path);
					const message = this.parseMessage(req.body, req.path);
					if ('status' in message) return message;
					const response = this.process(token, message);
					// The answer goes out after the 200, as on the platform.
					this.later(0, () => this.deliver(token, response, 'async'));
					return this.asyncReply(response.questionId);
				}),
			},
			{
				method: 'GET',
				pattern: '/chatapi/:token/events',
				handler: withToken(async (req, token, ctx) => await this.events_(req, token, ctx)),
			},
			{
				method: 'GET',
				pattern: '/chatapi/:token/client/:clientId/history',
				handler: withToken((req, token) => this.history_(req, token)),
			},
			{
				method: 'POST',
				pattern: '/chatapi/:token/client/:clientId/state',
				handler: withToken((req, token) => {
					if (req.body === undefined)
						return errors.spring(400, 'Required request body is missing', req.path);
					// Stored as sent: "its contents are not checked" (the Chat API pages).
					this.clientOf(token, req.params.clientId).state = req.body;
					return { status: 200 };
				}),
			},
			{
				method: 'GET',
				pattern: '/chatapi/:token/client/:clientId/state',
				handler: withToken((req, token) =>
					json(200, this.client(token, req.params.clientId)?.state ?? {}),
				),
			},
			{
				method: 'GET',
				pattern: '/chatapi/:token/client/:clientId/message/:questionId/status',
				handler: withToken((req, token) => {
					const { clientId, questionId } = req.params;
					const status = this.client(token, clientId)?.statuses.get(questionId);
					if (!status) return errors.spring(404, 'Message not found', req.path);
					return json(200, { questionId, status });
				}),
			},
			{
				method: 'POST',
				pattern: '/chatapi/:token/client/:clientId/message/:questionId/status',
				handler: withToken((req, token) => {
					const { clientId, questionId } = req.params;
					const status = isObject(req.body) ? req.body.status : undefined;
					if (!MESSAGE_STATUSES.includes(status as MessageStatus)) {
						return errors.spring(400, `Invalid status: ${JSON.stringify(status)}`, req.path);
					}
					const client = this.client(token, clientId);
					if (!client?.statuses.has(questionId))
						return errors.spring(404, 'Message not found', req.path);
					this.setStatus(client, questionId, status as MessageStatus);
					return json(200, { questionId, status });
				}),
			},
			{
				method: 'POST',
				pattern: '/chatapi/:token/client/:clientId/message-statuses',
				handler: withToken((req, token) => {
					const statuses = isObject(req.body) ? req.body.statuses : undefined;
					if (!Array.isArray(statuses))
						return errors.spring(400, 'statuses must be an array', req.path);
					for (const entry of statuses) {
						if (
							!isObject(entry) ||
							!text(entry.questionId) ||
							!MESSAGE_STATUSES.includes(entry.status as MessageStatus)
						) {
							return errors.spring(400, `Invalid status entry: ${JSON.stringify(entry)}`, req.path);
						}
					}
					// Not documented (docs/platform-assumptions.md): unknown message ids are skipped; `updated` tells how many matched.
					const client = this.client(token, req.params.clientId);
					let updated = 0;
					for (const entry of statuses as Array<{ questionId: string; status: MessageStatus }>) {
						if (client?.statuses.has(String(entry.questionId))) {
							this.setStatus(client, String(entry.questionId), entry.status);
							updated++;
						}
					}
					return json(200, { updated });
				}),
			},
			{
				method: 'GET',
				pattern: '/chatapi/:token/client/:clientId/message-not-read-count',
				handler: withToken((req, token) => {
					const client = this.client(token, req.params.clientId);
					const count = client
						? [...client.statuses.values()].filter((s) => s !== 'READ').length
						: 0;
					return json(200, { count });
				}),
			},
		];
	}

	/** "You only get the message ID in response", in the shape `asyncAnswer` picks. */
	private asyncReply(questionId: string): FakeReply {
		switch (this.asyncAnswer) {
			case 'json':
				return json(200, { questionId });
			case 'jsonString':
				return json(200, questionId);
			case 'number':
				return json(200, Number(questionId));
			case 'bigNumber':
				// Written out digit by digit: `json()` would round it through a JavaScript number.
				return { status: 200, raw: questionId, headers: { 'Content-Type': 'application/json' } };
			default:
				return {
					status: 200,
					raw: questionId,
					headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
				};
		}
	}

	private setStatus(client: ChatClient, questionId: string, status: MessageStatus): void {
		client.statuses.set(questionId, status);
		for (const message of client.history) {
			if (message.type === 'response' && message.questionId === questionId) message.status = status;
		}
	}

	private history_(req: FakeRequest, token: string): FakeReply {
		let all = this.history(token, req.params.clientId);
		if (this.historyParams === 'validated') {
			const from = epochParam(req.query.from, this.timeZone);
			const to = epochParam(req.query.to, this.timeZone);
			if (from === null || to === null)
				return errors.spring(400, 'from and to must be epoch milliseconds or ISO dates', req.path);
			const offset = req.query.offset === undefined ? 0 : Number(req.query.offset);
			const limit = req.query.limit === undefined ? HISTORY_PAGE_MAX : Number(req.query.limit);
			if (!Number.isInteger(offset) || offset < 0)
				return errors.spring(400, 'offset must be a non-negative integer', req.path);
			if (!Number.isInteger(limit) || limit < 1 || limit > HISTORY_PAGE_MAX) {
				return errors.spring(400, `limit must be between 1 and ${HISTORY_PAGE_MAX}`, req.path);
			}
			// `from` inclusive, `to` exclusive, like the node's "at or after" / "before" filters.
			all = all.filter(
				(m) => (from === undefined || m.ts >= from) && (to === undefined || m.ts < to),
			);
			const served = Math.min(limit, this.historyClamp ?? limit);
			return this.historyAnswer(all.slice(offset, offset + served), all.length);
		}
		return this.historyAnswer(all, all.length);
	}

	private historyAnswer(page: HistoryMessage[], total: number): FakeReply {
		const items = page.map((m) => this.historyItem(m));
		return json(200, this.historyShape === 'wrapped' ? { messages: items, total } : items);
	}

	/** One history message on the wire, in the shape `historyItems` picks. */
	private historyItem(m: HistoryMessage): Record<string, unknown> {
		if (this.historyItems === 'flat') return { ...m };
		const { questionId, timestamp } = m;
		if (m.type === 'response')
			return { questionId, timestamp, data: { replies: m.replies, answer: m.text } };
		return {
			questionId,
			timestamp,
			...(m.event !== undefined ? { event: m.event } : { query: m.text }),
		};
	}

	private async events_(req: FakeRequest, token: string, ctx: RouteContext): Promise<FakeReply> {
		const ts = epochParam(req.query.ts, this.timeZone);
		if (ts === null) return errors.spring(400, 'ts must be epoch milliseconds', req.path);
		const all = req.query.all === 'true' || req.query.all === '1';
		const { clientId, cid } = req.query;
		// Without `ts`: "all events since the last request" (the Chat API pages), per filter here.
		const cursorKey = JSON.stringify([clientId ?? null, cid ?? null, all]);
		const channel = this.channel(token);
		const since = ts ?? channel.cursors.get(cursorKey) ?? -Infinity;
		// `ts` is an instant, compared with the instants of the stamps (`e.ts`), whatever `timeZone`
		// they are written in: epoch ms name no zone, so a platform that takes them means one
		// (docs/platform-assumptions.md, "Events cursor"). A reader of the stamps in the wrong zone
		// is off by the zone's offset; the nodes' cursor learns it (nodes/common/chat/cursor.ts).
		// Its own cursor (no `ts`) is "since the last request": what came after the last event it gave.
		const inclusive = ts !== undefined && this.eventsTsInclusive;

		const select = () =>
			channel.events
				.filter(
					(e) =>
						(inclusive ? e.ts >= since : e.ts > since) &&
						(all || e.type === 'agentResponse') &&
						(!clientId || e.clientId === clientId) &&
						// Not documented which way `cid` filters: here events of other connections are left out; events of no
						// connection (agent replies, timeouts) stay.
						(!cid || e.cid === undefined || e.cid === cid),
				)
				.slice(0, EVENTS_PAGE_MAX);

		let found = select();
		if (found.length === 0) {
			// Long poll: hold the request until an event matches, the wait ends, or the client leaves.
			found = await new Promise<ChatEvent[]>((resolve) => {
				const done = () => {
					clearTimeout(timer);
					this.waiters.delete(wake);
					ctx.signal.removeEventListener('abort', done);
					resolve(select());
				};
				const wake = () => {
					if (select().length > 0 || !this.channels.has(token)) done();
				};
				const timer = setTimeout(done, this.longPollMs);
				this.waiters.add(wake);
				ctx.signal.addEventListener('abort', done);
			});
		}
		// Only a request without `ts` moves "since the last request" (the reading the nodes rely on).
		if (found.length > 0 && ts === undefined)
			channel.cursors.set(cursorKey, found[found.length - 1].ts);
		// The client request's type is not documented: `requestEventType` renames it.
		return json(200, {
			events: found.map((e) => ({
				type:
					e.type === 'clientRequest'
						? this.requestEventType
						: e.type === 'agentResponse'
							? this.agentEventType
							: e.type,
				event: e.event,
			})),
		});
	}
}
