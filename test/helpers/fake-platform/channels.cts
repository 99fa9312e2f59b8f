/**
 * Bot channel API (bot-channel-api.yml, 7 operations) and, through projects.cts, Project API
 * (project-api.yml, 7 operations) of the fake platform, with Bearer-token checks and the Async API
 * answers of deploys (async-api.yml). Projects hold channels; a Chat API channel's token is known
 * to the Chat module, and setting its callback URL points the Chat module's webhook deliveries
 * there, as on the platform. A deploy is an async task that takes `deployMs` and can fail.
 * [chosen] where the specs are silent: errors use the gateway shape `{error, message, args}`; a
 * missing Bearer token is 401, an unknown one 403; a PUT replaces the channel (fields left out
 * fall back to their defaults); `customData` is a JSON string on read and an object on write (as
 * the spec types it); DELETE answers the deleted object; the Async `timeout` is in seconds and
 * each async answer is delivered once (switches: `asyncTimeoutUnit`, `asyncAnswersKept`; and
 * `deployIsOk: false` answers without the required `isOk`).
 */
import { randomUUID } from 'node:crypto';

import { bad, projectRoutes } from './projects.cts';
import type {
	FakeModule,
	FakePlatform,
	FakeReply,
	FakeRequest,
	Route,
	RouteContext,
} from './server.cts';
import { errors, json, NEXT_ROUTE } from './server.cts';
import { specBinding } from './spec.cts';

export interface FakeChannel {
	id: number;
	botId: string;
	channelName: string;
	channelType: string;
	/** Optional in the spec's BotChannelDto. */
	accessToken?: string;
	isAutoDeploy: boolean;
	isBlocked: boolean;
	isRemoved?: boolean;
	repositoryReference: { type: string; value: string };
	webhookUrl?: string;
	/** A JSON string on read, as the spec types it. */
	customData?: string;
	operatorChannelId?: string;
	chatWidgetParams?: Record<string, unknown>;
	telephonyParams?: Record<string, unknown>;
	jaicfChannelId?: string;
	creationTime?: string;
	modificationTime?: string;
	createdBy?: number;
}

export interface FakeProject {
	id: number;
	shortName: string;
	name?: string;
	description?: string;
	botChannelsType?: string;
	defaultBranch?: string;
	contentDirectory?: string;
	templateName?: string;
	projectSettingsData?: Record<string, unknown>;
	lastModificationTime?: string;
	/** Makes every deploy of this project fail with this message (a broken script). */
	brokenScript?: string;
	channels: FakeChannel[];
}

export interface DeployTask {
	requestId: string;
	requestTime: string;
	projectShortName: string;
	botId: string;
	body: Record<string, unknown>;
	readyAt: number;
	/** Set when the deploy fails. */
	fail?: string;
	/** Whether the async answer was handed out (each is delivered once). */
	delivered: boolean;
}

export interface ChannelsOptions {
	/** Accepted unified tokens (Bearer); a missing one is 401, any other 403. */
	tokens: string[];
	/** Projects to create on construction and on every reset: short name → Chat API token. */
	seed?: Array<{ shortName: string; name?: string; chatToken?: string; chatBotId?: string }>;
	/** How long a deploy takes, ms. Default 150. */
	deployMs?: number;
	/** Largest `size` of the project list. Default: none [the spec sets none] (paging.cts). */
	maxPageSize?: number;
	/** Above `maxPageSize`, serve that many instead of answering 400 (paging.cts). */
	clampPageSize?: boolean;
	/**
	 * Where a read Chat API channel shows the callback URL written to
	 * `customData.chatApi.callbackUrl` (the spec links it to nothing): in both that field and
	 * `webhookUrl` (default), in `customData` only, or in `webhookUrl` only (the read `customData`
	 * then holds no `chatApi`).
	 */
	callbackUrlShown?: CallbackUrlShown;
	/** DELETE marks a channel `isRemoved` and keeps it listed, token and all. Default false (gone). */
	removedChannelsListed?: boolean;
	/** The unit the Async API reads `timeout` in (async-api.yml gives none). Default seconds. */
	asyncTimeoutUnit?: AsyncTimeoutUnit;
	/** Deploy answers carry `isOk` (AsyncResponseDto requires it). Default true; false leaves it out. */
	deployIsOk?: boolean;
	/** Async answers are handed out on every poll instead of once (the spec does not say). Default false. */
	asyncAnswersKept?: boolean;
}

export type AsyncTimeoutUnit = 'seconds' | 'milliseconds';

export type CallbackUrlShown = 'both' | 'customData' | 'webhookUrl';

const ACCOUNT_ID = 263;
export const CHANNEL_TYPES = [
	'AZURE',
	'TELEGRAM',
	'FACEBOOK',
	'INSTAGRAM',
	'VIBER',
	'CHAT_API',
	'CHAT_WIDGET',
	'TEST_WIDGET',
	'YANDEX',
	'MARUSIA',
	'SBER',
	'RESTERISK',
	'SLACK',
	'VK',
	'LIVETEX_PROMPTER',
	'PROMPTER_API',
	'INBOUND_LIVETEX',
	'ZENDESK_PROMPTER',
	'WECHAT',
	'ZENDESK',
	'WEBIM',
	'INCOMING_WEBIM2',
	'ZOPIM',
	'VOICE_TEST_WIDGET',
	'GOOGLE',
	'ALEXA',
	'ZENBOX',
	'BITRIX',
	'CHAT2DESK',
	'ODNOKLASSNIKI',
	'NEXMO',
	'I_DIGITAL',
	'THREADS',
	'INCOMING_JIVOSITE',
	'JAICP_ALEXA',
	'DIALOGFLOW',
	'WAZZUP',
	'WHATSAPP',
	'EDNA_PLATFORM',
	'MATTERMOST',
];

const iso = (ms = Date.now()) => new Date(ms).toISOString();
const channelNotFound = (id: string) =>
	errors.gateway(404, 'botadmin.botchannel.not_found', `Bot channel ${id} not found`, { id });

export class ChannelsModule implements FakeModule {
	readonly routes: Route[];

	/** Bot channels, projects (projects.cts) and deploy results: checked against (spec.cts). */
	readonly spec = specBinding(
		['bot-channel-api.yml', 'project-api.yml', 'async-api.yml'],
		(status, message) => errors.gateway(status, 'botadmin.common.validation_error', message),
	);

	readonly projects = new Map<string, FakeProject>();

	/** Every channel PUT body received, for assertions. */
	readonly updates: Array<{ id: number; body: Record<string, unknown> }> = [];

	readonly deploys = new Map<string, DeployTask>();

	/** Makes the next deploy fail with this message. */
	failNextDeploy?: string;

	deployMs: number;

	maxPageSize: number | undefined;

	clampPageSize: boolean;

	callbackUrlShown: CallbackUrlShown = 'both';

	removedChannelsListed = false;

	asyncTimeoutUnit: AsyncTimeoutUnit = 'seconds';

	deployIsOk = true;

	asyncAnswersKept = false;

	private urls = new Map<number, string>();

	private nextId = 100;

	constructor(
		readonly platform: FakePlatform,
		private readonly options: ChannelsOptions,
	) {
		this.deployMs = options.deployMs ?? 150;
		this.maxPageSize = options.maxPageSize;
		this.clampPageSize = options.clampPageSize ?? false;
		const guarded = (
			method: Route['method'],
			pattern: string,
			handler: (req: FakeRequest, ctx: RouteContext) => FakeReply | Promise<FakeReply>,
		): Route => ({
			method,
			pattern,
			handler: async (req, ctx) => this.guard(req) ?? (await handler(req, ctx)),
		});
		this.routes = [
			...projectRoutes(this).map((route) => guarded(route.method, route.pattern, route.handler)),
			guarded('GET', '/api/v1/bot-channels', (req) => this.list(req)),
			guarded('POST', '/api/v1/bot-channels', (req) => this.create(req)),
			guarded('GET', '/api/v1/bot-channels/:botId/by-bot-id', (req) => this.byBotId(req)),
			guarded('GET', '/api/v1/bot-channels/:id', (req) => this.read(req)),
			guarded('PUT', '/api/v1/bot-channels/:id', (req) => this.update(req)),
			guarded('DELETE', '/api/v1/bot-channels/:id', (req) => this.remove(req)),
			guarded('POST', '/api/v1/async/bot-channels/deploy', (req) => this.deploy(req)),
			// Shared with Reporter's report tasks: answers only for its own request IDs.
			{
				method: 'GET',
				pattern: '/api/v1/async/events',
				handler: async (req, ctx) =>
					this.ownsAsync(req)
						? (this.guard(req) ?? (await this.asyncEvents(req, ctx.signal)))
						: NEXT_ROUTE,
			},
		];
		this.reset();
	}

	// ---- test helpers -------------------------------------------------------------------------

	/** A project with one Chat API channel (and a widget channel, to be skipped). */
	addProject(
		shortName: string,
		chatToken: string,
		webhookUrl?: string,
		chatBotId?: string,
	): FakeChannel {
		const project = this.newProject(shortName, shortName);
		const widget = this.channel('Web widget', 'CHAT_WIDGET', 'widget-token');
		const chat = this.channel('Chat API', 'CHAT_API', chatToken);
		if (chatBotId) chat.botId = chatBotId;
		this.platform.chat.addToken(chatToken);
		if (webhookUrl) this.setUrl(chat, webhookUrl, true);
		project.channels.push(widget, chat);
		return chat;
	}

	/** A new empty project (no channels). */
	newProject(shortName: string, name: string, fields: Partial<FakeProject> = {}): FakeProject {
		const project: FakeProject = {
			id: this.id(),
			shortName,
			name,
			botChannelsType: 'CHAT_BOT',
			defaultBranch: 'master',
			contentDirectory: '.',
			projectSettingsData: {
				language: 'en',
				spellingCorrection: false,
				classificationAlgorithm: 'sts',
				timezone: 'UTC',
				shared: false,
			},
			lastModificationTime: iso(),
			channels: [],
			...fields,
		};
		this.projects.set(shortName, project);
		return project;
	}

	/** Adds a channel to a project; a Chat API token becomes known to the Chat module. */
	addChannel(
		shortName: string,
		fields: Partial<FakeChannel> & { channelType: string },
	): FakeChannel {
		const project = this.projects.get(shortName);
		if (!project) throw new Error(`No project ${shortName}`);
		const channel = {
			...this.channel(
				fields.channelName ?? fields.channelType,
				fields.channelType,
				fields.accessToken,
			),
			...fields,
		};
		if (channel.channelType === 'CHAT_API' && channel.accessToken)
			this.platform.chat.addToken(channel.accessToken);
		project.channels.push(channel);
		return channel;
	}

	findChannel(id: string): FakeChannel | undefined {
		for (const project of this.projects.values()) {
			const channel = project.channels.find((c) => String(c.id) === id);
			if (channel) return channel;
		}
		return undefined;
	}

	/** The channel with this bot ID and its project. */
	findBot(botId: string): { project: FakeProject; channel: FakeChannel } | undefined {
		for (const project of this.projects.values()) {
			const channel = project.channels.find((c) => c.botId === botId);
			if (channel) return { project, channel };
		}
		return undefined;
	}

	projectById(id: string): FakeProject | undefined {
		return [...this.projects.values()].find((p) => String(p.id) === id);
	}

	id(): number {
		return this.nextId++;
	}

	reset(): void {
		this.projects.clear();
		this.updates.length = 0;
		this.deploys.clear();
		this.failNextDeploy = undefined;
		this.deployMs = this.options.deployMs ?? 150;
		this.callbackUrlShown = this.options.callbackUrlShown ?? 'both';
		this.urls.clear();
		this.removedChannelsListed = this.options.removedChannelsListed ?? false;
		this.asyncTimeoutUnit = this.options.asyncTimeoutUnit ?? 'seconds';
		this.deployIsOk = this.options.deployIsOk ?? true;
		this.asyncAnswersKept = this.options.asyncAnswersKept ?? false;
		this.nextId = 100;
		for (const seed of this.options.seed ?? []) {
			if (seed.chatToken) {
				this.addProject(seed.shortName, seed.chatToken, undefined, seed.chatBotId);
				this.projects.get(seed.shortName)!.name = seed.name ?? seed.shortName;
			} else {
				this.newProject(seed.shortName, seed.name ?? seed.shortName);
			}
		}
	}

	// ---- store --------------------------------------------------------------------------------

	private channel(channelName: string, channelType: string, accessToken?: string): FakeChannel {
		const id = this.id();
		return {
			id,
			botId: `${ACCOUNT_ID}-bot-${id}`,
			channelName,
			channelType,
			accessToken,
			isAutoDeploy: true,
			isBlocked: false,
			isRemoved: false,
			repositoryReference: { type: 'BRANCH', value: 'master' },
			customData:
				channelType === 'CHAT_API' ? JSON.stringify({ chatApi: { blockForm: true } }) : undefined,
			creationTime: iso(),
			modificationTime: iso(),
			createdBy: 1,
		};
	}

	/** The callback URL the channel really has (where the platform delivers), whatever a read shows. */
	urlOf(channel: FakeChannel): string | undefined {
		return this.urls.has(channel.id) ? this.urls.get(channel.id) || undefined : channel.webhookUrl;
	}

	/** Someone changes the channel's callback URL in the platform's settings. */
	setCallbackUrl(channel: FakeChannel, url: string): void {
		const chatApi = (
			JSON.parse(channel.customData ?? '{}') as { chatApi?: { blockForm?: boolean } }
		).chatApi;
		this.setUrl(channel, url, chatApi?.blockForm);
	}

	private setUrl(channel: FakeChannel, url: string, blockForm: boolean | undefined): void {
		this.urls.set(channel.id, url);
		if (this.callbackUrlShown !== 'customData') channel.webhookUrl = url || undefined;
		channel.customData =
			this.callbackUrlShown === 'webhookUrl'
				? undefined
				: JSON.stringify({
						chatApi: { ...(blockForm !== undefined ? { blockForm } : {}), callbackUrl: url },
					});
		if (channel.accessToken) this.platform.chat.setWebhook(channel.accessToken, url || undefined);
	}

	guard(req: FakeRequest): FakeReply | undefined {
		const header = String(req.headers.authorization ?? '');
		if (!header.startsWith('Bearer '))
			return errors.gateway(401, 'gateway.auth.missing', 'Authorization header is required');
		if (!this.options.tokens.includes(header.slice(7)))
			return errors.gateway(403, 'gateway.auth.invalid_token', 'Invalid API token');
		return undefined;
	}

	/** Checks the writable fields of a create or update body; a reply when refused. */
	private invalid(body: Record<string, unknown>): FakeReply | undefined {
		for (const name of ['accessToken', 'channelName', 'operatorChannelId', 'jaicfChannelId']) {
			if (body[name] !== undefined && typeof body[name] !== 'string')
				return bad(`${name} must be a string`);
		}
		for (const name of ['isAutoDeploy', 'isBlock']) {
			if (body[name] !== undefined && typeof body[name] !== 'boolean')
				return bad(`${name} must be a boolean`);
		}
		for (const name of [
			'customData',
			'chatWidgetParams',
			'telephonyParams',
			'repositoryReference',
		]) {
			const value = body[name];
			if (value !== undefined && (!value || typeof value !== 'object' || Array.isArray(value)))
				return bad(`${name} must be an object`);
		}
		const reference = body.repositoryReference as Record<string, unknown> | undefined;
		if (
			reference &&
			reference.type !== undefined &&
			!['BRANCH', 'TAG', 'REVISION'].includes(String(reference.type))
		)
			return bad('repositoryReference.type');
		return undefined;
	}

	private applyCustomData(
		channel: FakeChannel,
		customData: Record<string, unknown> | undefined,
	): void {
		if (!customData) return;
		const chatApi = customData.chatApi as Record<string, unknown> | undefined;
		if (channel.channelType === 'CHAT_API' && chatApi)
			this.setUrl(channel, String(chatApi.callbackUrl ?? ''), chatApi.blockForm as boolean);
		else channel.customData = JSON.stringify(customData);
	}

	// ---- Bot channel API ----------------------------------------------------------------------

	private list(req: FakeRequest): FakeReply {
		if (!/^\d+$/.test(req.query.projectId ?? ''))
			return bad('projectId is required and must be a number');
		const project = this.projectById(req.query.projectId);
		if (!project)
			return errors.gateway(
				404,
				'botadmin.project.not_found',
				`Project ${req.query.projectId} not found`,
			);
		return json(200, { items: project.channels });
	}

	private create(req: FakeRequest): FakeReply {
		if (!/^\d+$/.test(req.query.projectId ?? ''))
			return bad('projectId is required and must be a number');
		const project = this.projectById(req.query.projectId);
		if (!project)
			return errors.gateway(
				404,
				'botadmin.project.not_found',
				`Project ${req.query.projectId} not found`,
			);
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (!CHANNEL_TYPES.includes(String(body.channelType)))
			return bad('channelType is required and must be a ChannelType', {
				channelType: String(body.channelType),
			});
		const refused = this.invalid(body);
		if (refused) return refused;
		const type = String(body.channelType);
		// Chat API and widget channels get their token from the platform.
		const token =
			(body.accessToken as string | undefined) ??
			(['CHAT_API', 'CHAT_WIDGET', 'TEST_WIDGET'].includes(type)
				? `${type.toLowerCase()}-${randomUUID().slice(0, 8)}`
				: undefined);
		if (!token && ['TELEGRAM', 'VIBER', 'SLACK', 'FACEBOOK'].includes(type))
			return bad(`accessToken is required for ${type}`);
		const channel = this.channel(String(body.channelName ?? type), type, token);
		Object.assign(channel, {
			isAutoDeploy: body.isAutoDeploy ?? true,
			repositoryReference: {
				type: 'BRANCH',
				value: project.defaultBranch ?? 'master',
				...(body.repositoryReference as object | undefined),
			},
			operatorChannelId: body.operatorChannelId,
			chatWidgetParams: body.chatWidgetParams,
			telephonyParams: body.telephonyParams,
			jaicfChannelId: body.jaicfChannelId,
		});
		if (type === 'CHAT_API' && token) this.platform.chat.addToken(token);
		this.applyCustomData(channel, body.customData as Record<string, unknown> | undefined);
		project.channels.push(channel);
		return json(200, channel);
	}

	private read(req: FakeRequest): FakeReply {
		if (!/^\d+$/.test(req.params.id)) return bad('id must be a number');
		const channel = this.findChannel(req.params.id);
		return channel ? json(200, channel) : channelNotFound(req.params.id);
	}

	private byBotId(req: FakeRequest): FakeReply {
		const found = this.findBot(req.params.botId);
		return found ? json(200, found.channel) : channelNotFound(req.params.botId);
	}

	private update(req: FakeRequest): FakeReply {
		if (!/^\d+$/.test(req.params.id)) return bad('id must be a number');
		const channel = this.findChannel(req.params.id);
		if (!channel) return channelNotFound(req.params.id);
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (typeof body.accessToken !== 'string' || typeof body.channelName !== 'string') {
			return bad('accessToken and channelName are required');
		}
		const refused = this.invalid(body);
		if (refused) return refused;
		this.updates.push({ id: channel.id, body });
		// A PUT replaces the channel: fields left out fall back to their defaults.
		Object.assign(channel, {
			accessToken: body.accessToken,
			channelName: body.channelName,
			isAutoDeploy: body.isAutoDeploy ?? true,
			isBlocked: body.isBlock ?? false,
			repositoryReference: body.repositoryReference ?? { type: 'BRANCH', value: 'master' },
			operatorChannelId: body.operatorChannelId,
			chatWidgetParams: body.chatWidgetParams,
			telephonyParams: body.telephonyParams,
			modificationTime: iso(),
		});
		if (channel.channelType === 'CHAT_API') {
			const chatApi = ((body.customData as Record<string, unknown> | undefined)?.chatApi ??
				{}) as Record<string, unknown>;
			// A PUT replaces: a blockForm left out is the spec's default, false.
			this.setUrl(channel, String(chatApi.callbackUrl ?? ''), Boolean(chatApi.blockForm ?? false));
		} else {
			channel.customData = body.customData ? JSON.stringify(body.customData) : undefined;
		}
		return json(200, channel);
	}

	private remove(req: FakeRequest): FakeReply {
		if (!/^\d+$/.test(req.params.id)) return bad('id must be a number');
		for (const project of this.projects.values()) {
			const index = project.channels.findIndex(
				(c) => String(c.id) === req.params.id && !c.isRemoved,
			);
			if (index < 0) continue;
			if (this.removedChannelsListed) {
				const removed = project.channels[index];
				removed.isRemoved = true;
				if (removed.accessToken) this.platform.chat.setWebhook(removed.accessToken, undefined);
				return json(200, removed);
			}
			const [channel] = project.channels.splice(index, 1);
			if (channel.accessToken) this.platform.chat.setWebhook(channel.accessToken, undefined);
			return json(200, { ...channel, isRemoved: true });
		}
		return channelNotFound(req.params.id);
	}

	// ---- deploy (an async task) ---------------------------------------------------------------

	private deploy(req: FakeRequest): FakeReply {
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (typeof body.projectShortName !== 'string' || typeof body.botId !== 'string')
			return bad('projectShortName and botId are required');
		for (const flag of ['forceDeploy', 'skipNotifications', 'skipTests', 'runTestsInBackground']) {
			if (body[flag] !== undefined && typeof body[flag] !== 'boolean')
				return bad(`${flag} must be a boolean`);
		}
		const project = this.projects.get(body.projectShortName);
		if (!project)
			return errors.gateway(
				404,
				'botadmin.project.not_found',
				`Project ${body.projectShortName} not found`,
			);
		if (!project.channels.some((c) => c.botId === body.botId)) return channelNotFound(body.botId);
		const now = Date.now();
		const task: DeployTask = {
			requestId: randomUUID(),
			requestTime: iso(now),
			projectShortName: body.projectShortName,
			botId: body.botId,
			body,
			readyAt: now + this.deployMs,
			fail: this.failNextDeploy ?? project.brokenScript,
			delivered: false,
		};
		this.failNextDeploy = undefined;
		this.deploys.set(task.requestId, task);
		return {
			status: 200,
			headers: { 'Z-Request-id': task.requestId, 'Z-Request-time': task.requestTime },
		};
	}

	private ownsAsync(req: FakeRequest): boolean {
		const requestId = req.query.requestId;
		if (requestId) return this.deploys.has(requestId);
		return [...this.deploys.values()].some((task) => !task.delivered && task.readyAt <= Date.now());
	}

	private answerOf(task: DeployTask): Record<string, unknown> {
		task.delivered = !this.asyncAnswersKept;
		const base = { requestId: task.requestId, requestTime: task.requestTime, responseTime: iso() };
		// Without `isOk` (the deployIsOk switch) nothing else says how the deploy went.
		const isOk = (ok: boolean) => (this.deployIsOk ? { isOk: ok } : {});
		return task.fail
			? {
					...base,
					...isOk(false),
					error: {
						error: 'botadmin.deploy.build_failed',
						message: task.fail,
						args: { botId: task.botId },
					},
				}
			: {
					...base,
					...isOk(true),
					payload: {
						botId: task.botId,
						projectShortName: task.projectShortName,
						status: 'DEPLOYED',
						branch: 'master',
						forceDeploy: task.body.forceDeploy ?? false,
					},
				};
	}

	private async asyncEvents(req: FakeRequest, signal: AbortSignal): Promise<FakeReply> {
		const requestId = req.query.requestId;
		const unit = this.asyncTimeoutUnit === 'seconds' ? 1000 : 1;
		const until = Date.now() + Math.min((Number(req.query.timeout ?? 0) || 0) * unit, 60_000);
		for (;;) {
			const ready = [...this.deploys.values()].filter(
				(task) =>
					(!requestId || task.requestId === requestId) &&
					!task.delivered &&
					task.readyAt <= Date.now(),
			);
			if (ready.length || Date.now() >= until || signal.aborted)
				return json(200, { response: ready.map((task) => this.answerOf(task)) });
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
	}
}
