/**
 * Project API and Bot channel API of the fake platform, as much as Tovie Chat Trigger's automatic
 * webhook registration uses: project by short name, channel list, channel read and update, with
 * Bearer-token checks. Setting a Chat API channel's callback URL points the Chat module's webhook
 * deliveries there, as on the platform.
 */
import type { FakeModule, FakePlatform, FakeRequest, Route } from './server.cts';
import { errors, json } from './server.cts';

export interface FakeChannel {
	id: number;
	botId: string;
	channelName: string;
	channelType: string;
	accessToken: string;
	isAutoDeploy: boolean;
	isBlocked: boolean;
	repositoryReference: { type: string; value: string };
	webhookUrl?: string;
	/** A JSON string on read, as the spec types it. */
	customData?: string;
}

interface FakeProject {
	id: number;
	shortName: string;
	channels: FakeChannel[];
}

export class ChannelsModule implements FakeModule {
	readonly routes: Route[];

	readonly projects = new Map<string, FakeProject>();

	/** Every PUT body received, for assertions. */
	readonly updates: Array<{ id: number; body: Record<string, unknown> }> = [];

	private nextId = 100;

	constructor(
		private readonly platform: FakePlatform,
		private readonly apiTokens: string[],
	) {
		this.routes = [
			{ method: 'GET', pattern: '/api/v1/projects/:shortName/by-project-short-name', handler: (req) => this.guard(req) ?? this.project(req) },
			{ method: 'GET', pattern: '/api/v1/bot-channels', handler: (req) => this.guard(req) ?? this.list(req) },
			{ method: 'GET', pattern: '/api/v1/bot-channels/:id', handler: (req) => this.guard(req) ?? this.read(req) },
			{ method: 'PUT', pattern: '/api/v1/bot-channels/:id', handler: (req) => this.guard(req) ?? this.update(req) },
		];
	}

	/** A project with one Chat API channel (and a widget channel, to be skipped). */
	addProject(shortName: string, chatToken: string, webhookUrl?: string): FakeChannel {
		const project: FakeProject = { id: this.nextId++, shortName, channels: [] };
		const widget = this.channel('Web widget', 'CHAT_WIDGET', 'widget-token');
		const chat = this.channel('Chat API', 'CHAT_API', chatToken);
		if (webhookUrl) this.setUrl(chat, webhookUrl, true);
		project.channels.push(widget, chat);
		this.projects.set(shortName, project);
		return chat;
	}

	reset(): void {
		this.projects.clear();
		this.updates.length = 0;
	}

	private channel(channelName: string, channelType: string, accessToken: string): FakeChannel {
		return {
			id: this.nextId++,
			botId: `bot-${this.nextId}`,
			channelName,
			channelType,
			accessToken,
			isAutoDeploy: true,
			isBlocked: false,
			repositoryReference: { type: 'BRANCH', value: 'master' },
			customData: JSON.stringify({ chatApi: { blockForm: true } }),
		};
	}

	private setUrl(channel: FakeChannel, url: string, blockForm: boolean): void {
		channel.webhookUrl = url || undefined;
		channel.customData = JSON.stringify({ chatApi: { blockForm, callbackUrl: url } });
		this.platform.chat.setWebhook(channel.accessToken, url || undefined);
	}

	private guard(req: FakeRequest) {
		const header = String(req.headers.authorization ?? '');
		if (!header.startsWith('Bearer ')) return errors.gateway(401, 'gateway.auth.missing', 'Authorization header is required');
		if (!this.apiTokens.includes(header.slice(7))) return errors.gateway(403, 'gateway.auth.invalid_token', 'Invalid API token');
		return undefined;
	}

	private findChannel(id: string): FakeChannel | undefined {
		for (const project of this.projects.values()) {
			const channel = project.channels.find((c) => String(c.id) === id);
			if (channel) return channel;
		}
		return undefined;
	}

	private project(req: FakeRequest) {
		const project = this.projects.get(req.params.shortName);
		if (!project) return errors.gateway(404, 'project.not_found', `Project ${req.params.shortName} not found`);
		return json(200, { id: project.id, name: project.shortName, shortName: project.shortName, botChannels: project.channels.map((c) => ({ id: c.id, channelType: c.channelType })) });
	}

	private list(req: FakeRequest) {
		const project = [...this.projects.values()].find((p) => String(p.id) === String(req.query.projectId));
		if (!project) return errors.gateway(404, 'project.not_found', 'Project not found');
		return json(200, { items: project.channels });
	}

	private read(req: FakeRequest) {
		const channel = this.findChannel(req.params.id);
		return channel ? json(200, channel) : errors.gateway(404, 'botchannel.not_found', 'Bot channel not found');
	}

	private update(req: FakeRequest) {
		const channel = this.findChannel(req.params.id);
		if (!channel) return errors.gateway(404, 'botchannel.not_found', 'Bot channel not found');
		const body = (req.body ?? {}) as Record<string, unknown>;
		if (typeof body.accessToken !== 'string' || typeof body.channelName !== 'string') {
			return errors.gateway(400, 'botchannel.validation', 'accessToken and channelName are required');
		}
		this.updates.push({ id: channel.id, body });
		// A PUT replaces the channel: fields left out fall back to their defaults.
		Object.assign(channel, {
			accessToken: body.accessToken,
			channelName: body.channelName,
			isAutoDeploy: body.isAutoDeploy ?? true,
			isBlocked: body.isBlock ?? false,
			repositoryReference: body.repositoryReference ?? { type: 'BRANCH', value: 'master' },
		});
		const chatApi = ((body.customData as Record<string, unknown> | undefined)?.chatApi ?? {}) as Record<string, unknown>;
		this.setUrl(channel, String(chatApi.callbackUrl ?? ''), Boolean(chatApi.blockForm ?? false));
		return json(200, channel);
	}
}
