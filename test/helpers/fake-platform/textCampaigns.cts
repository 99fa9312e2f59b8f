/**
 * Text campaign API of the fake platform (text-campaign-api.yml, 19 operations), Bearer-token
 * checked. Campaigns live per project; dynamic sends (send-event, send-replies, sends by template)
 * are accepted at once (`{uuid}`) and go out after `sendDelayMs` (or at `sendingTime`): to a Chat
 * API channel they go through the Chat module's public methods, so the message reaches the
 * channel's webhook (Tovie Chat Trigger) with the documented webhook body: an event runs the bot
 * (`chat.botEvent`), replies are written to the client directly (`chat.runTextCampaign`). Channels
 * come from ChannelsModule (channels.cts) when one is given.
 * [chosen] where the spec is silent: errors use the gateway shape `{error, message, args}`;
 * campaign names are unique in a project (a send names its campaign); sends need a dynamic,
 * started campaign (400 otherwise), a known bot (404) and the bot's project to hold the campaign;
 * a dynamic campaign starts at once (STARTED), a standard one is CREATED; stop/resume/complete
 * refuse impossible moves with 400; a sending can be canceled while INIT, PENDING or POSTPONED;
 * `fromTimestamp` of the chat history is read in `historyTimestampUnit` (seconds by default; the
 * spec says "Unix timestamp" without a unit); the
 * account of the legacy paths is 263. A sending is INIT when accepted, PENDING (or POSTPONED when
 * its `sendingTime` is later) after `initDelayMs`, SENT or FAILED (`failingClients`) after
 * `sendDelayMs`; on SENT, FAILED or CANCELED it POSTs the spec's EventSendingCallbackDto to its
 * `callbackUrl`, loopback addresses only (tests never reach the network), recorded in `callbacks`.
 * Date-time inputs (`sendingTime`, list filters) are read per the `dates` switch: zone-less ones
 * in UTC or in a zone (the project's), offsets honoured or refused; the spec leaves both open.
 * Page sizes: the switch of paging.cts (default: any).
 */
import { randomUUID } from 'node:crypto';

import type { ChannelsModule } from './channels.cts';
import { servedSize } from './paging.cts';
import type { FakeModule, FakePlatform, FakeReply, FakeRequest, Route } from './server.cts';
import { errors, json } from './server.cts';
import { specBinding } from './spec.cts';

type Obj = Record<string, unknown>;

export const ACCOUNT_ID = 263;
const STATUSES = [
	'CREATED',
	'READY',
	'STARTED',
	'STOPPED',
	'POSTPONED',
	'COMPLETED',
	'FAILED',
	'DELETED',
];
const SENDING_STATUSES = [
	'INIT',
	'PENDING',
	'SENT',
	'DELIVERED',
	'NOT_DELIVERED',
	'FAILED',
	'POSTPONED',
	'CANCELED',
];

export interface FakeCampaign {
	id: number;
	name: string;
	accountId: number;
	projectShortName: string;
	creationTime: string;
	startTime: string | null;
	stopTime?: string | null;
	startNow: boolean;
	status: string;
	/** A string, as TextCampaignDto requires (F9). */
	botId: string;
	eventName?: string;
	jgraphReplies?: unknown;
	delayBetweenSending: number;
	threadCount: number;
	isDynamic: boolean;
}

export interface FakeTemplate {
	id: string;
	campaignId: number;
	botId: string;
	clientId: string;
	event?: string;
	eventData?: unknown;
	replies?: unknown;
	callbackUrl?: string;
	priority: number;
}

export interface FakeSending {
	id: string;
	textCampaignId: number;
	templateId?: string;
	botId: string;
	clientId: string;
	event?: string;
	eventData?: unknown;
	replies?: unknown;
	sendingTime: string;
	status: string;
	errorReason?: string;
	priority: number;
	callbackUrl?: string;
	/** When the send was accepted, epoch ms. */
	createdAt: number;
}

export interface TextCampaignOptions {
	/** Accepted unified tokens. */
	tokens: string[];
	/** Where projects and channels live (bots are checked against it). */
	channels?: ChannelsModule;
	/** Campaigns to create on construction and on every reset. */
	seed?: Array<{ projectShortName: string; name: string; isDynamic?: boolean }>;
	/** Time between accepting a send and delivering it, ms. Default 20. */
	sendDelayMs?: number;
	/** Time from INIT to PENDING (or POSTPONED), ms. Default: a quarter of `sendDelayMs`. */
	initDelayMs?: number;
	/** How date-time inputs are read (the spec gives only zone-less examples). Default: UTC, offsets honoured. */
	dates?: DateReading;
	/** Largest `size`/`limit` of the lists (chat history too). Default: none [the spec sets none]. */
	maxPageSize?: number;
	/** Above `maxPageSize`, serve that many instead of answering 400 (paging.cts). */
	clampPageSize?: boolean;
	/** The unit of the chat history's `fromTimestamp` ("Unix timestamp", unit not given). Default seconds. */
	historyTimestampUnit?: 'seconds' | 'milliseconds';
}

/** How the fake reads date-time inputs: the two open points of the spec. */
export interface DateReading {
	/** The zone of zone-less date-times: 'UTC' (the default) or an IANA zone, e.g. the project's. */
	zoneless?: string;
	/** Date-times with `Z` or an offset: honoured (the default), or refused with 400 as a strict `LocalDateTime` binding would. */
	offsets?: 'honour' | 'refuse';
}

/** A callback the fake made (or, for a non-loopback address, would have made). */
export interface FakeCallback {
	url: string;
	body: Obj;
	status?: number;
	error?: string;
}

/** Offset of `zone` from UTC at `epochMs`, ms (whole seconds). */
function zoneOffsetMs(zone: string, epochMs: number): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(epochMs));
	const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
	return wall - Math.floor(epochMs / 1000) * 1000;
}

const DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** A date-time input as epoch ms per `reading`; undefined when it is no date-time or is refused. */
export function readDateInput(value: unknown, reading: Required<DateReading>): number | undefined {
	const m = typeof value === 'string' ? DATE_TIME.exec(value) : null;
	if (!m) return undefined;
	if (m[8]) {
		if (reading.offsets === 'refuse') return undefined;
		const ms = Date.parse(value as string);
		return Number.isFinite(ms) ? ms : undefined;
	}
	const [y, mo, d, h, mi] = m.slice(1, 6).map(Number);
	const wall = Date.UTC(
		y,
		mo - 1,
		d,
		h,
		mi,
		Number(m[6] ?? 0),
		Math.round(Number(m[7] ?? 0) * 1000),
	);
	if (reading.zoneless === 'UTC') return wall;
	const guess = wall - zoneOffsetMs(reading.zoneless, wall);
	return wall - zoneOffsetMs(reading.zoneless, guess);
}

const isLoopback = (url: string) => {
	try {
		return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
	} catch {
		return false;
	}
};

const iso = (ms = Date.now()) => new Date(ms).toISOString();
const bad = (message: string, args: Obj = {}) =>
	errors.gateway(400, 'textcampaign.common.validation_error', message, args);
const notFound = (what: string, id: unknown) =>
	errors.gateway(
		404,
		`textcampaign.${what.toLowerCase().replace(/\s+/g, '_')}.not_found`,
		`${what} ${String(id)} not found`,
		{ id: String(id) },
	);
const isObject = (value: unknown): value is Obj =>
	Boolean(value) && typeof value === 'object' && !Array.isArray(value);

export class TextCampaignModule implements FakeModule {
	readonly routes: Route[];

	/** Every request is checked against text-campaign-api.yml (spec.cts). */
	readonly spec = specBinding(['text-campaign-api.yml'], (status, message) =>
		errors.gateway(status, 'textcampaign.common.validation_error', message),
	);

	readonly campaigns = new Map<number, FakeCampaign>();

	readonly templates = new Map<string, FakeTemplate>();

	readonly sendings = new Map<string, FakeSending>();

	/** Clients whose sendings fail (as the platform's own delivery would), with this reason. */
	readonly failingClients = new Map<string, string>();

	sendDelayMs: number;

	initDelayMs: number | undefined;

	/** How date-time inputs are read; tests switch it. */
	dates: Required<DateReading> = { zoneless: 'UTC', offsets: 'honour' };

	historyTimestampUnit: 'seconds' | 'milliseconds' = 'seconds';

	/** Callbacks made to the sendings' `callbackUrl`, in order. */
	readonly callbacks: FakeCallback[] = [];

	private readonly posting = new Set<Promise<unknown>>();

	maxPageSize: number | undefined;

	clampPageSize: boolean;

	private nextId = 1000;

	private readonly timers = new Set<NodeJS.Timeout>();

	constructor(
		readonly platform: FakePlatform,
		readonly options: TextCampaignOptions,
	) {
		this.sendDelayMs = options.sendDelayMs ?? 20;
		this.initDelayMs = options.initDelayMs;
		this.maxPageSize = options.maxPageSize;
		this.clampPageSize = options.clampPageSize ?? false;
		this.routes = this.buildRoutes();
		this.reset();
	}

	// ---- test helpers -------------------------------------------------------------------------

	addCampaign(
		projectShortName: string,
		name: string,
		fields: Partial<FakeCampaign> = {},
	): FakeCampaign {
		const isDynamic = fields.isDynamic ?? true;
		const campaign: FakeCampaign = {
			id: this.nextId++,
			name,
			accountId: ACCOUNT_ID,
			projectShortName,
			creationTime: iso(),
			startTime: isDynamic ? iso() : null,
			stopTime: null,
			startNow: isDynamic,
			status: isDynamic ? 'STARTED' : 'CREATED',
			// TextCampaignDto requires a string (F9): the project's bot, as the platform names it.
			botId: `${ACCOUNT_ID}-${projectShortName}`,
			delayBetweenSending: 0,
			threadCount: 1,
			isDynamic,
			...fields,
		};
		this.campaigns.set(campaign.id, campaign);
		return campaign;
	}

	/** A sending template of a campaign, as Template → Create would make it. */
	addTemplate(
		campaign: FakeCampaign,
		botId: string,
		clientId: string,
		fields: Partial<FakeTemplate> = {},
	): FakeTemplate {
		const template: FakeTemplate = {
			id: randomUUID(),
			campaignId: campaign.id,
			botId,
			clientId,
			event: 'reminder',
			priority: 0,
			...fields,
		};
		this.templates.set(template.id, template);
		return template;
	}

	/** A stored sending (not delivered by itself), e.g. one scheduled for later. */
	addSending(
		campaign: FakeCampaign,
		botId: string,
		clientId: string,
		fields: Partial<FakeSending> = {},
	): FakeSending {
		const sending: FakeSending = {
			id: randomUUID(),
			textCampaignId: campaign.id,
			botId,
			clientId,
			event: 'reminder',
			sendingTime: iso(Date.now() + 3_600_000),
			status: 'POSTPONED',
			priority: 0,
			createdAt: Date.now(),
			...fields,
		};
		this.sendings.set(sending.id, sending);
		return sending;
	}

	/** Sendings in the order they were accepted. */
	sendingList(): FakeSending[] {
		return [...this.sendings.values()];
	}

	/** Resolves when no sending is waiting to go out (scheduled ones excepted). */
	async idle(timeoutMs = 5000): Promise<void> {
		const until = Date.now() + timeoutMs;
		while (this.sendingList().some((s) => ['INIT', 'PENDING'].includes(s.status))) {
			if (Date.now() > until) throw new Error('Sendings still pending');
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
		await Promise.all([...this.posting]);
		await this.platform.chat.idle();
	}

	reset(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.campaigns.clear();
		this.templates.clear();
		this.sendings.clear();
		this.failingClients.clear();
		this.sendDelayMs = this.options.sendDelayMs ?? 20;
		this.initDelayMs = this.options.initDelayMs;
		this.dates = { zoneless: 'UTC', offsets: 'honour', ...this.options.dates };
		this.historyTimestampUnit = this.options.historyTimestampUnit ?? 'seconds';
		this.callbacks.length = 0;
		this.nextId = 1000;
		for (const seed of this.options.seed ?? [])
			this.addCampaign(seed.projectShortName, seed.name, { isDynamic: seed.isDynamic ?? true });
	}

	close(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
	}

	// ---- helpers ------------------------------------------------------------------------------

	private guard(req: FakeRequest): FakeReply | undefined {
		const header = String(req.headers.authorization ?? '');
		if (!header.startsWith('Bearer '))
			return errors.gateway(401, 'gateway.auth.missing', 'Authorization header is required');
		if (!this.options.tokens.includes(header.slice(7)))
			return errors.gateway(403, 'gateway.auth.invalid_token', 'Invalid API token');
		return undefined;
	}

	/** Repeated query keys (`botIds=a&botIds=b`), which `req.query` keeps only the last of. */
	private all(req: FakeRequest, key: string): string[] {
		const at = req.rawPath.indexOf('?');
		return at < 0 ? [] : new URLSearchParams(req.rawPath.slice(at + 1)).getAll(key);
	}

	private projectKnown(shortName: string): boolean {
		return !this.options.channels || this.options.channels.projects.has(shortName);
	}

	private campaignOf(req: FakeRequest): FakeCampaign | FakeReply {
		if (!this.projectKnown(req.params.projectShortName))
			return notFound('Project', req.params.projectShortName);
		if (req.params.accountId !== undefined && req.params.accountId !== String(ACCOUNT_ID))
			return errors.gateway(
				403,
				'textcampaign.account.forbidden',
				`No access to account ${req.params.accountId}`,
			);
		if (!/^\d+$/.test(req.params.id)) return bad('textCampaignId must be a number');
		const campaign = this.campaigns.get(Number(req.params.id));
		if (
			!campaign ||
			campaign.projectShortName !== req.params.projectShortName ||
			campaign.status === 'DELETED'
		)
			return notFound('Text campaign', req.params.id);
		return campaign;
	}

	/** Checks CreateTextCampaignDto / UpdateTextCampaignDto; a reply when refused. */
	private invalidSettings(body: Obj): FakeReply | undefined {
		if (typeof body.name !== 'string' || !body.name.trim()) return bad('name is required');
		if (body.eventName !== undefined && typeof body.eventName !== 'string')
			return bad('eventName must be a string');
		const delay = body.delayBetweenSending;
		// The spec says minimum 1 (and default 0, which a campaign reads but cannot be sent back).
		if (
			delay !== undefined &&
			(!Number.isInteger(delay) || (delay as number) < 1 || (delay as number) > 60000)
		)
			return bad('delayBetweenSending must be from 1 to 60000');
		const threads = body.threadCount;
		if (
			threads !== undefined &&
			(!Number.isInteger(threads) || (threads as number) < 1 || (threads as number) > 10)
		)
			return bad('threadCount must be from 1 to 10');
		if (body.isDynamic !== undefined && typeof body.isDynamic !== 'boolean')
			return bad('isDynamic must be a boolean');
		if (
			body.jgraphReplies !== undefined &&
			(body.jgraphReplies === null || typeof body.jgraphReplies !== 'object')
		)
			return bad('jgraphReplies must be JSON');
		return undefined;
	}

	private nameTaken(projectShortName: string, name: string, except?: number): boolean {
		return [...this.campaigns.values()].some(
			(c) =>
				c.projectShortName === projectShortName &&
				c.name === name &&
				c.id !== except &&
				c.status !== 'DELETED',
		);
	}

	/** The campaign and channel of a send; a reply when the send is refused. */
	private target(
		textCampaignName: unknown,
		botId: unknown,
	): { campaign: FakeCampaign } | FakeReply {
		if (typeof botId !== 'string' || !botId) return bad('botId is required');
		if (typeof textCampaignName !== 'string' || !textCampaignName)
			return bad('textCampaignName is required');
		const bot = this.options.channels?.findBot(botId);
		if (this.options.channels && !bot) return notFound('Bot', botId);
		const campaign = [...this.campaigns.values()].find(
			(c) =>
				c.name === textCampaignName &&
				c.status !== 'DELETED' &&
				(!bot || c.projectShortName === bot.project.shortName),
		);
		if (!campaign) return notFound('Text campaign', textCampaignName);
		if (!campaign.isDynamic) return bad(`Text campaign ${textCampaignName} is not dynamic`);
		if (campaign.status !== 'STARTED')
			return bad(`Text campaign ${textCampaignName} is ${campaign.status}, not STARTED`);
		return { campaign };
	}

	/** Checks the optional fields every send shares; a reply when refused. */
	private invalidSend(body: Obj): FakeReply | undefined {
		if (body.priority !== undefined && !Number.isInteger(body.priority))
			return bad('priority must be an integer');
		if (body.sendingTime !== undefined && this.readDate(body.sendingTime) === undefined)
			return bad(`sendingTime must be a date-time${this.zoneRule()}`);
		if (
			body.callbackUrl !== undefined &&
			(typeof body.callbackUrl !== 'string' || !/^https?:\/\//.test(body.callbackUrl))
		)
			return bad('callbackUrl must be a URL');
		if (
			body.eventData !== undefined &&
			(body.eventData === null || typeof body.eventData !== 'object')
		)
			return bad('eventData must be JSON');
		if (body.replies !== undefined && (body.replies === null || typeof body.replies !== 'object'))
			return bad('replies must be JSON');
		return undefined;
	}

	/** Accepts a send: stores the sending and schedules its delivery. */
	private accept(
		fields: Omit<FakeSending, 'id' | 'status' | 'createdAt' | 'sendingTime'> & {
			sendingTime?: string;
		},
	): FakeReply {
		const now = Date.now();
		const at = fields.sendingTime ? this.readDate(fields.sendingTime)! : now;
		const sending: FakeSending = {
			...fields,
			id: randomUUID(),
			sendingTime: iso(at),
			status: 'INIT',
			createdAt: now,
		};
		this.sendings.set(sending.id, sending);
		const started = setTimeout(
			() => {
				this.timers.delete(started);
				if (sending.status === 'INIT') sending.status = at > now + 1000 ? 'POSTPONED' : 'PENDING';
			},
			this.initDelayMs ?? Math.floor(this.sendDelayMs / 4),
		);
		this.timers.add(started);
		const delay = Math.max(this.sendDelayMs, at - now);
		// Far-away times stay scheduled (a timer cannot wait longer than about 24 days).
		if (delay > 2 ** 31 - 1) return json(200, { uuid: sending.id });
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			this.deliver(sending);
		}, delay);
		this.timers.add(timer);
		return json(200, { uuid: sending.id });
	}

	/** The sending goes out: through the Chat module to a Chat API channel, else just marked sent. */
	private deliver(sending: FakeSending): void {
		if (!['INIT', 'PENDING', 'POSTPONED'].includes(sending.status)) return;
		const failure = this.failingClients.get(sending.clientId);
		if (failure) {
			Object.assign(sending, { status: 'FAILED', errorReason: failure });
			this.callback(sending);
			return;
		}
		const channel = this.options.channels?.findBot(sending.botId)?.channel;
		const chat = this.platform.chat;
		try {
			if (channel?.channelType === 'CHAT_API' && channel.accessToken) {
				if (sending.event !== undefined) {
					chat.botEvent(
						channel.accessToken,
						sending.clientId,
						sending.event,
						(isObject(sending.eventData) ? sending.eventData : undefined) as Obj | undefined,
					);
				} else {
					const replies = (
						Array.isArray(sending.replies) ? sending.replies : [sending.replies]
					) as Obj[];
					const text = replies
						.filter((r) => r && r.type === 'text')
						.map((r) => String(r.text))
						.join('\n\n');
					chat.runTextCampaign(channel.accessToken, [sending.clientId], text);
				}
			}
			sending.status = 'SENT';
		} catch (error) {
			Object.assign(sending, { status: 'FAILED', errorReason: (error as Error).message });
		}
		this.callback(sending);
	}

	/**
	 * The sending's final status to its `callbackUrl`, as EventSendingCallbackDto. [chosen] a send
	 * without a template has `eventSendingTemplateId` '' (the spec requires the field); a failure
	 * carries `channelStatus` OTHER_ERRORS and the reason.
	 */
	private callback(sending: FakeSending): void {
		if (!sending.callbackUrl) return;
		const body: Obj = {
			status: sending.status,
			textCampaignId: sending.textCampaignId,
			eventSendingInfoId: sending.id,
			eventSendingTemplateId: sending.templateId ?? '',
			eventSendingTime: sending.sendingTime,
			...(sending.status === 'FAILED'
				? { channelStatus: 'OTHER_ERRORS', channelStatusDescription: sending.errorReason ?? '' }
				: {}),
		};
		const record: FakeCallback = { url: sending.callbackUrl, body };
		this.callbacks.push(record);
		if (!isLoopback(record.url)) {
			record.error = 'not called: not a loopback address';
			return;
		}
		const post = fetch(record.url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		})
			.then(async (response) => {
				record.status = response.status;
				await response.arrayBuffer();
			})
			.catch((error: Error) => {
				record.error = error.message;
			})
			.finally(() => this.posting.delete(post));
		this.posting.add(post);
	}

	/** A date-time input as epoch ms per the `dates` switch; undefined when refused. */
	readDate(value: unknown): number | undefined {
		return readDateInput(value, this.dates);
	}

	private zoneRule(): string {
		return this.dates.offsets === 'refuse' ? ' without a zone, e.g. 2024-06-03T15:30:00' : '';
	}

	private paging(
		req: FakeRequest,
		keys: [string, string],
	): { first: number; size: number } | FakeReply {
		const [pageKey, sizeKey] = keys;
		const page = Number(req.query[pageKey] ?? 0);
		const size = Number(req.query[sizeKey] ?? 20);
		if (!Number.isInteger(page) || page < 0) return bad(`${pageKey} must be a whole number from 0`);
		if (!Number.isInteger(size) || size < 1) return bad(`${sizeKey} must be a whole number from 1`);
		const served = servedSize(size, this);
		if (served === undefined) return bad(`${sizeKey} must be at most ${this.maxPageSize}`);
		return { first: pageKey === 'page' ? page * served : page, size: served };
	}

	// ---- campaigns ----------------------------------------------------------------------------

	private listCampaigns(req: FakeRequest): FakeReply {
		if (!this.projectKnown(req.params.projectShortName))
			return notFound('Project', req.params.projectShortName);
		const paging = this.paging(req, ['page', 'size']);
		if (!('first' in paging)) return paging;
		const { first, size } = paging;
		const botIds = this.all(req, 'botIds');
		const statuses = this.all(req, 'statuses');
		if (statuses.some((s) => !STATUSES.includes(s)))
			return bad('statuses must be TextCampaignStatus values');
		const ranges: Array<[string, keyof FakeCampaign, 'from' | 'to']> = [
			['creationTimeFrom', 'creationTime', 'from'],
			['creationTimeTo', 'creationTime', 'to'],
			['startTimeFrom', 'startTime', 'from'],
			['startTimeTo', 'startTime', 'to'],
			['stopTimeFrom', 'stopTime', 'from'],
			['stopTimeTo', 'stopTime', 'to'],
		];
		for (const [key] of ranges)
			if (req.query[key] !== undefined && this.readDate(req.query[key]) === undefined)
				return bad(`${key} must be a date-time${this.zoneRule()}`);
		const name = req.query.textCampaignName;
		const dynamic = req.query.isDynamic;
		if (dynamic !== undefined && !['true', 'false'].includes(dynamic))
			return bad('isDynamic must be a boolean');
		const found = [...this.campaigns.values()].filter((c) => {
			if (c.projectShortName !== req.params.projectShortName || c.status === 'DELETED')
				return false;
			if (name && !c.name.toLowerCase().includes(name.toLowerCase())) return false;
			if (botIds.length && !botIds.includes(String(c.botId))) return false;
			if (statuses.length && !statuses.includes(c.status)) return false;
			if (dynamic !== undefined && c.isDynamic !== (dynamic === 'true')) return false;
			return ranges.every(([key, field, side]) => {
				const limit = req.query[key];
				if (limit === undefined) return true;
				const value = c[field] as string | null | undefined;
				if (!value) return false;
				return side === 'from'
					? Date.parse(value) >= this.readDate(limit)!
					: Date.parse(value) <= this.readDate(limit)!;
			});
		});
		return json(200, {
			paging: { pageNum: Math.floor(first / size), pageSize: size, totalCount: found.length },
			textCampaigns: found.slice(first, first + size),
		});
	}

	private createCampaign(req: FakeRequest): FakeReply {
		if (!this.projectKnown(req.params.projectShortName))
			return notFound('Project', req.params.projectShortName);
		const body = (req.body ?? {}) as Obj;
		const refused = this.invalidSettings(body);
		if (refused) return refused;
		if (this.nameTaken(req.params.projectShortName, String(body.name)))
			return bad(`A text campaign named ${String(body.name)} exists`, { name: String(body.name) });
		const campaign = this.addCampaign(req.params.projectShortName, String(body.name), {
			isDynamic: (body.isDynamic as boolean | undefined) ?? false,
			eventName: body.eventName as string | undefined,
			jgraphReplies: body.jgraphReplies,
			delayBetweenSending: (body.delayBetweenSending as number | undefined) ?? 0,
			threadCount: (body.threadCount as number | undefined) ?? 1,
		});
		return json(200, campaign);
	}

	private getCampaign(req: FakeRequest): FakeReply {
		const campaign = this.campaignOf(req);
		return 'id' in campaign ? json(200, campaign) : campaign;
	}

	private updateCampaign(req: FakeRequest): FakeReply {
		const campaign = this.campaignOf(req);
		if (!('id' in campaign)) return campaign;
		const body = (req.body ?? {}) as Obj;
		const refused = this.invalidSettings(body);
		if (refused) return refused;
		if (body.isDynamic !== undefined && body.isDynamic !== campaign.isDynamic)
			return bad('isDynamic cannot be changed');
		if (this.nameTaken(campaign.projectShortName, String(body.name), campaign.id))
			return bad(`A text campaign named ${String(body.name)} exists`);
		// A PUT replaces the settings.
		Object.assign(campaign, {
			name: body.name,
			eventName: body.eventName,
			jgraphReplies: body.jgraphReplies,
			delayBetweenSending: (body.delayBetweenSending as number | undefined) ?? 0,
			threadCount: (body.threadCount as number | undefined) ?? 1,
		});
		return json(200, campaign);
	}

	private move(to: 'STOPPED' | 'STARTED' | 'COMPLETED') {
		const from: Record<string, string[]> = {
			STOPPED: ['CREATED', 'READY', 'STARTED', 'POSTPONED'],
			STARTED: ['STOPPED'],
			COMPLETED: ['CREATED', 'READY', 'STARTED', 'STOPPED', 'POSTPONED'],
		};
		return (req: FakeRequest): FakeReply => {
			const campaign = this.campaignOf(req);
			if (!('id' in campaign)) return campaign;
			if (!from[to].includes(campaign.status))
				return bad(`Text campaign ${campaign.id} is ${campaign.status}: it cannot become ${to}`, {
					status: campaign.status,
				});
			campaign.status = to;
			if (to === 'STARTED') campaign.startTime = iso();
			else campaign.stopTime = iso();
			return json(200, campaign);
		};
	}

	// ---- templates and sends ------------------------------------------------------------------

	private templateDto(template: FakeTemplate): Obj {
		const campaign = this.campaigns.get(template.campaignId);
		const { id: _id, campaignId: _campaign, ...rest } = template;
		return { textCampaign: { id: template.campaignId, name: campaign?.name }, ...rest };
	}

	private createTemplate(req: FakeRequest): FakeReply {
		const body = (req.body ?? {}) as Obj;
		if (typeof body.clientId !== 'string' || !body.clientId) return bad('clientId is required');
		const target = this.target(body.textCampaignName, body.botId);
		if (!('campaign' in target)) return target;
		const refused = this.invalidSend(body);
		if (refused) return refused;
		if (body.event !== undefined && typeof body.event !== 'string')
			return bad('event must be a string');
		if (body.event === undefined && body.replies === undefined)
			return bad('event or replies is required');
		const template: FakeTemplate = {
			id: randomUUID(),
			campaignId: target.campaign.id,
			botId: String(body.botId),
			clientId: body.clientId,
			event: body.event as string | undefined,
			eventData: body.eventData,
			replies: body.replies,
			callbackUrl: body.callbackUrl as string | undefined,
			priority: (body.priority as number | undefined) ?? 0,
		};
		this.templates.set(template.id, template);
		return json(200, {
			id: template.id,
			link: `${this.platform.url}/api/v1/text-campaign-service/dynamics/send-event-by-template/${template.id}`,
		});
	}

	private template(req: FakeRequest): FakeTemplate | FakeReply {
		return (
			this.templates.get(req.params.uuid) ?? notFound('Event sending template', req.params.uuid)
		);
	}

	private sendByTemplate(req: FakeRequest): FakeReply {
		const template = this.template(req);
		if (!('campaignId' in template)) return template;
		const body = (req.method === 'POST' ? (req.body ?? {}) : {}) as Obj;
		if (!isObject(body)) return bad('body must be an EventSendingTemplateSendDto');
		const refused = this.invalidSend(body);
		if (refused) return refused;
		const campaign = this.campaigns.get(template.campaignId);
		if (!campaign || campaign.status !== 'STARTED')
			return bad(
				`Text campaign ${String(campaign?.name)} is ${String(campaign?.status)}, not STARTED`,
			);
		return this.accept({
			textCampaignId: template.campaignId,
			templateId: template.id,
			botId: template.botId,
			clientId: template.clientId,
			event: template.event,
			eventData: body.eventData ?? template.eventData,
			replies: template.replies,
			priority: (body.priority as number | undefined) ?? template.priority,
			callbackUrl: (body.callbackUrl as string | undefined) ?? template.callbackUrl,
			sendingTime: body.sendingTime as string | undefined,
		});
	}

	private send(kind: 'event' | 'replies') {
		return (req: FakeRequest): FakeReply => {
			const body = (req.body ?? {}) as Obj;
			if (typeof body.clientId !== 'string' || !body.clientId) return bad('clientId is required');
			if (kind === 'event' && (typeof body.event !== 'string' || !body.event))
				return bad('event is required');
			const target = this.target(body.textCampaignName, body.botId);
			if (!('campaign' in target)) return target;
			const refused = this.invalidSend(body);
			if (refused) return refused;
			return this.accept({
				textCampaignId: target.campaign.id,
				botId: String(body.botId),
				clientId: body.clientId,
				...(kind === 'event'
					? { event: String(body.event), eventData: body.eventData }
					: { replies: body.replies ?? [] }),
				priority: (body.priority as number | undefined) ?? 0,
				callbackUrl: body.callbackUrl as string | undefined,
				sendingTime: body.sendingTime as string | undefined,
			});
		};
	}

	private listSendings(req: FakeRequest): FakeReply {
		const paging = this.paging(req, ['offset', 'limit']);
		if (!('first' in paging)) return paging;
		if (req.query.textCampaignId !== undefined && !/^\d+$/.test(req.query.textCampaignId))
			return bad('textCampaignId must be a number');
		if (req.query.status !== undefined && !SENDING_STATUSES.includes(req.query.status))
			return bad('status is not a sending status');
		for (const key of ['startTimeFrom', 'startTimeTo'])
			if (req.query[key] !== undefined && this.readDate(req.query[key]) === undefined)
				return bad(`${key} must be a date-time${this.zoneRule()}`);
		const q = req.query;
		const found = this.sendingList().filter(
			(s) =>
				(q.textCampaignId === undefined || s.textCampaignId === Number(q.textCampaignId)) &&
				(q.eventSendingInfoUuid === undefined || s.id === q.eventSendingInfoUuid) &&
				(q.eventSendingTemplateUuid === undefined || s.templateId === q.eventSendingTemplateUuid) &&
				(q.status === undefined || s.status === q.status) &&
				(q.startTimeFrom === undefined ||
					Date.parse(s.sendingTime) >= this.readDate(q.startTimeFrom)!) &&
				(q.startTimeTo === undefined || Date.parse(s.sendingTime) <= this.readDate(q.startTimeTo)!),
		);
		const dto = ({
			createdAt: _c,
			textCampaignId: _t,
			templateId: _tpl,
			priority: _p,
			callbackUrl: _u,
			...rest
		}: FakeSending) => rest;
		return json(200, {
			totalCount: found.length,
			sendings: found.slice(paging.first, paging.first + paging.size).map(dto),
		});
	}

	private cancel(req: FakeRequest): FakeReply {
		const sending = this.sendings.get(req.params.uuid);
		if (!sending) return notFound('Sending', req.params.uuid);
		if (!['INIT', 'PENDING', 'POSTPONED'].includes(sending.status))
			return bad(`Sending ${sending.id} is ${sending.status}: it cannot be canceled`, {
				status: sending.status,
			});
		sending.status = 'CANCELED';
		this.callback(sending);
		return { status: 200 };
	}

	private chatHistory(req: FakeRequest): FakeReply {
		const {
			eventSendingInfoUuid: sendingId,
			eventSendingTemplateUuid: templateId,
			limit,
			fromTimestamp,
		} = req.query;
		if (!/^\d+$/.test(limit ?? '') || Number(limit) < 1)
			return bad('limit is required and must be at least 1');
		if (!/^\d+$/.test(fromTimestamp ?? ''))
			return bad('fromTimestamp is required and must be a Unix timestamp');
		if (!sendingId && !templateId)
			return bad('eventSendingInfoUuid or eventSendingTemplateUuid is required');
		const sendings = this.sendingList().filter((s) =>
			sendingId ? s.id === sendingId : s.templateId === templateId,
		);
		if (sendingId && sendings.length === 0) return notFound('Sending', sendingId);
		if (templateId && !this.templates.has(templateId))
			return notFound('Event sending template', templateId);
		const fromMs =
			this.historyTimestampUnit === 'seconds'
				? Number(fromTimestamp) * 1000
				: Number(fromTimestamp);
		const messages: Obj[] = [];
		const seen = new Set<string>();
		for (const sending of sendings) {
			const channel = this.options.channels?.findBot(sending.botId)?.channel;
			if (!channel?.accessToken || seen.has(`${channel.accessToken}/${sending.clientId}`)) continue;
			seen.add(`${channel.accessToken}/${sending.clientId}`);
			for (const message of this.platform.chat.history(channel.accessToken, sending.clientId)) {
				if (message.ts < Math.max(fromMs, sending.createdAt)) continue;
				messages.push({
					questionId: message.questionId,
					textMessage: message.text,
					author: message.type === 'request' ? 'CLIENT' : 'BOT',
					status: message.status ?? 'SENT',
					...(message.type === 'request' && message.event
						? { eventData: sending.eventData ?? {} }
						: {}),
					...(message.replies ? { replies: message.replies } : {}),
					timestamp: iso(message.ts),
				});
			}
		}
		const served = servedSize(Number(limit), this);
		if (served === undefined) return bad(`limit must be at most ${this.maxPageSize}`);
		return json(200, { totalCount: messages.length, messages: messages.slice(0, served) });
	}

	// ---- routes -------------------------------------------------------------------------------

	private buildRoutes(): Route[] {
		const T = '/api/v1/text-campaign-service';
		const C = `${T}/projects/:projectShortName/text-campaigns`;
		const L =
			'/api/text-campaign-service/accounts/:accountId/projects/:projectShortName/text-campaigns/:id';
		const D = `${T}/dynamics`;
		const route = (
			method: Route['method'],
			pattern: string,
			handler: (req: FakeRequest) => FakeReply,
		): Route => ({
			method,
			pattern,
			handler: (req) => this.guard(req) ?? handler(req),
		});
		return [
			route('GET', C, (req) => this.listCampaigns(req)),
			route('POST', C, (req) => this.createCampaign(req)),
			route('GET', `${C}/:id`, (req) => this.getCampaign(req)),
			route('PUT', `${C}/:id`, (req) => this.updateCampaign(req)),
			route('PUT', `${C}/:id/stop`, this.move('STOPPED')),
			route('PUT', `${C}/:id/resume`, this.move('STARTED')),
			route('PUT', `${C}/:id/complete`, this.move('COMPLETED')),
			route('GET', L, (req) => this.getCampaign(req)),
			route('PUT', L, (req) => this.updateCampaign(req)),
			route('POST', `${D}/sending-templates`, (req) => this.createTemplate(req)),
			route('GET', `${D}/sending-templates/chat-history`, (req) => this.chatHistory(req)),
			route('GET', `${D}/sending-templates/:uuid`, (req) => {
				const template = this.template(req);
				return 'campaignId' in template ? json(200, this.templateDto(template)) : template;
			}),
			route('DELETE', `${D}/sending-templates/:uuid`, (req) => {
				const template = this.template(req);
				if (!('campaignId' in template)) return template;
				this.templates.delete(template.id);
				return { status: 200 };
			}),
			route('GET', `${D}/send-event-by-template/:uuid`, (req) => this.sendByTemplate(req)),
			route('POST', `${D}/send-event-by-template/:uuid`, (req) => this.sendByTemplate(req)),
			route('POST', `${D}/send-event`, this.send('event')),
			route('POST', `${D}/send-replies`, this.send('replies')),
			route('GET', `${D}/sendings`, (req) => this.listSendings(req)),
			route('PUT', `${D}/sendings/:uuid/cancel`, (req) => this.cancel(req)),
		];
	}
}
