/**
 * Operator API of the fake platform, both directions (brief, Operator API page):
 * - the platform calls the integrator's server (here: n8n's Tovie Operator Trigger) under the
 *   channel's API URL: `POST setWebhook`, `GET getDestinations`, `POST selectDestination`,
 *   `POST sendText`, `POST sendFile`, `POST closeChat`;
 * - the agent side posts events to `POST /chatadapter/chatapi/webhook/operatorapi/:apiKey`,
 *   which this module checks field by field and records.
 * Mounted as `(platform) => new OperatorModule(platform, options)`, reached as
 * `fake.module(OperatorModule)`.
 */
import type { FakeModule, FakePlatform, FakeReply, FakeRequest, Route } from './server.cts';
import { errors, json } from './server.cts';

export interface OutgoingCall {
	channelId: string;
	call: string;
	method: 'GET' | 'POST';
	url: string;
	body?: unknown;
	/** 0 when the integrator could not be reached. */
	status: number;
	response: unknown;
}

export interface AgentEvent {
	channelId: string;
	event: Record<string, unknown>;
	at: number;
}

export interface Dialog {
	channelId: string;
	userId: string;
	destinationId: string;
	status: 'withAgent' | 'closedByAgent' | 'closedByClient';
	/** Client and agent messages in order, e.g. `client: Hello`, `agent Ann: Hi`. */
	transcript: string[];
}

const EMPLOYEE_FIELDS = ['employeeId', 'firstName', 'lastName', 'avatarUrl'];
const REQUIRED: Record<string, string[]> = {
	TextMessage: ['text', 'employee'],
	FileMessage: ['url', 'name', 'size', 'comment', 'employee'],
	Closed: ['employee'],
	SelectDestination: ['destination'],
};

/** What is wrong with an agent event, or `undefined`: every listed field is required (brief). */
export function agentEventProblem(event: unknown): string | undefined {
	if (!event || typeof event !== 'object' || Array.isArray(event))
		return 'The body must be a JSON object';
	const e = event as Record<string, unknown>;
	for (const field of ['id', 'userId', 'type'])
		if (typeof e[field] !== 'string' || !e[field]) return `${field} is required`;
	const required = REQUIRED[String(e.type)];
	if (!required) return `Unknown event type ${String(e.type)}`;
	for (const field of required)
		if (e[field] === undefined || e[field] === null) return `${field} is required`;
	if (e.type === 'FileMessage' && (typeof e.size !== 'number' || !Number.isInteger(e.size)))
		return 'size must be an integer';
	if (e.employee !== undefined) {
		const employee = e.employee as Record<string, unknown>;
		for (const field of EMPLOYEE_FIELDS)
			if (typeof employee?.[field] !== 'string' || !employee[field])
				return `employee.${field} is required`;
	}
	if (e.type === 'SelectDestination') {
		const d = e.destination as Record<string, unknown>;
		if (
			typeof d?.destinationId !== 'string' ||
			typeof d?.name !== 'string' ||
			typeof d?.hasOnline !== 'boolean'
		) {
			return 'destination needs destinationId, name and hasOnline';
		}
	}
	return undefined;
}

export class OperatorModule implements FakeModule {
	readonly routes: Route[];

	/** Channel id → the API URL entered in the channel settings. */
	readonly channels = new Map<string, string>();

	readonly outgoing: OutgoingCall[] = [];

	readonly events: AgentEvent[] = [];

	readonly dialogs = new Map<string, Dialog>();

	/** Channels that exist from the start, without an API URL (they accept agent events only). */
	private readonly initialChannels: string[];

	constructor(
		private readonly platform: FakePlatform,
		options: { channels?: string[] } = {},
	) {
		this.routes = [
			{
				method: 'POST',
				pattern: '/chatadapter/chatapi/webhook/operatorapi/:apiKey',
				handler: (req) => this.receive(req),
			},
		];
		this.initialChannels = options.channels ?? [];
		this.reset();
	}

	/** The URL the platform sends in setWebhook for a channel. */
	webhookUrl(channelId: string): string {
		return `${this.platform.url}/chatadapter/chatapi/webhook/operatorapi/${encodeURIComponent(channelId)}`;
	}

	/** "Connect" in the channel settings: remembers the API URL and calls setWebhook. */
	async connect(channelId: string, apiUrl: string): Promise<OutgoingCall> {
		this.channels.set(channelId, apiUrl.replace(/\/+$/, ''));
		return await this.call(channelId, 'POST', 'setWebhook', { url: this.webhookUrl(channelId) });
	}

	/** The channel settings' "Add group" list: asks the integrator for its agent groups. */
	async getDestinations(channelId: string): Promise<OutgoingCall> {
		return await this.call(channelId, 'GET', 'getDestinations');
	}

	/** The script's Transfer to agent block: opens a session with an agent group. */
	async transfer(
		channelId: string,
		userId: string,
		destinationId: string,
		extra: Record<string, unknown> = {},
	): Promise<OutgoingCall> {
		const outgoing = await this.call(channelId, 'POST', 'selectDestination', {
			userId,
			destinationId,
			...extra,
		});
		if (outgoing.status === 200)
			this.dialogs.set(userId, {
				channelId,
				userId,
				destinationId,
				status: 'withAgent',
				transcript: [],
			});
		return outgoing;
	}

	async clientText(channelId: string, userId: string, text: string): Promise<OutgoingCall> {
		this.dialogs.get(userId)?.transcript.push(`client: ${text}`);
		return await this.call(channelId, 'POST', 'sendText', { userId, text });
	}

	async clientFile(
		channelId: string,
		userId: string,
		url: string,
		fileName?: string,
		size?: number,
	): Promise<OutgoingCall> {
		this.dialogs.get(userId)?.transcript.push(`client file: ${url}`);
		return await this.call(channelId, 'POST', 'sendFile', {
			userId,
			url,
			...(fileName ? { fileName } : {}),
			...(size !== undefined ? { size } : {}),
		});
	}

	async clientClose(
		channelId: string,
		userId: string,
		text = 'The user closed the dialog',
	): Promise<OutgoingCall> {
		const dialog = this.dialogs.get(userId);
		if (dialog) dialog.status = 'closedByClient';
		return await this.call(channelId, 'POST', 'closeChat', { userId, text });
	}

	eventsOf(userId: string): Array<Record<string, unknown>> {
		return this.events.filter((e) => e.event.userId === userId).map((e) => e.event);
	}

	reset(): void {
		this.channels.clear();
		for (const channelId of this.initialChannels) this.channels.set(channelId, '');
		this.outgoing.length = 0;
		this.events.length = 0;
		this.dialogs.clear();
	}

	private async call(
		channelId: string,
		method: 'GET' | 'POST',
		call: string,
		body?: unknown,
	): Promise<OutgoingCall> {
		const apiUrl = this.channels.get(channelId);
		if (!apiUrl) throw new Error(`Channel ${channelId} has no API URL: call connect() first`);
		const url = `${apiUrl}/${call}`;
		const record: OutgoingCall = {
			channelId,
			call,
			method,
			url,
			body,
			status: 0,
			response: undefined,
		};
		this.outgoing.push(record);
		try {
			const response = await fetch(url, {
				method,
				headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
				body: body === undefined ? undefined : JSON.stringify(body),
				signal: AbortSignal.timeout(5000),
			});
			record.status = response.status;
			const text = await response.text();
			try {
				record.response = text ? JSON.parse(text) : undefined;
			} catch {
				record.response = text;
			}
		} catch (error) {
			record.response = (error as Error).message;
		}
		return record;
	}

	private receive(req: FakeRequest): FakeReply {
		const channelId = req.params.apiKey;
		// The message names the channel id, as a real error page might: the node must redact it.
		if (!this.channels.has(channelId))
			return errors.spring(404, `Operator API channel ${channelId} not found`, req.path);
		const problem = agentEventProblem(req.body);
		if (problem) return errors.spring(400, problem, req.path);
		const event = req.body as Record<string, unknown>;
		this.events.push({ channelId, event, at: Date.now() });
		const dialog = this.dialogs.get(String(event.userId));
		if (dialog) {
			const employee = event.employee as Record<string, string> | undefined;
			if (event.type === 'TextMessage')
				dialog.transcript.push(`agent ${employee?.firstName}: ${String(event.text)}`);
			if (event.type === 'FileMessage')
				dialog.transcript.push(`agent ${employee?.firstName} file: ${String(event.url)}`);
			if (event.type === 'Closed') dialog.status = 'closedByAgent';
		}
		return json(200, {});
	}
}
