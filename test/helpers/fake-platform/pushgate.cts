/**
 * Pushgate API of the fake platform: `GET|POST /pushgate/push_:id`. Tests create pushbacks the way
 * a bot script's `$pushgate.createPushback` does; firing one makes the bot handle the pushback's
 * event in that client's dialog (Chat API webhook and events), with the POST body as event data.
 */
import { randomUUID } from 'node:crypto';

import type { FakeModule, FakePlatform, FakeReply, FakeRequest, Route } from './server.cts';
import { errors, json } from './server.cts';

export interface Pushback {
	id: string;
	link: string;
	token: string;
	clientId: string;
	event: string;
	eventData: Record<string, unknown>;
	created: string;
}

export interface PushgateFiring {
	id: string;
	method: string;
	data: Record<string, unknown>;
	at: number;
}

export class PushgateModule implements FakeModule {
	readonly routes: Route[];

	readonly pushbacks = new Map<string, Pushback>();

	readonly firings: PushgateFiring[] = [];

	constructor(private readonly platform: FakePlatform) {
		const fire = (req: FakeRequest) => this.fire(req);
		this.routes = [
			{ method: 'GET', pattern: '/pushgate/push_:id', handler: fire },
			{ method: 'POST', pattern: '/pushgate/push_:id', handler: fire },
		];
	}

	/** What `$pushgate.createPushback(channelType, botId, chatId, event, eventData)` returns. */
	create(
		token: string,
		clientId: string,
		event: string,
		eventData: Record<string, unknown> = {},
	): Pushback {
		const id = randomUUID();
		const pushback = {
			id,
			link: `${this.platform.url}/pushgate/push_${id}`,
			token,
			clientId,
			event,
			eventData,
			created: new Date().toISOString(),
		};
		this.pushbacks.set(id, pushback);
		return pushback;
	}

	reset(): void {
		this.pushbacks.clear();
		this.firings.length = 0;
	}

	private fire(req: FakeRequest): FakeReply {
		const pushback = this.pushbacks.get(req.params.id);
		// The message names the id, as a real error page would: the node must redact it.
		if (!pushback)
			return errors.gateway(
				404,
				'pushgate.pushback.not_found',
				`Pushback ${req.params.id} not found`,
			);
		if (
			req.method === 'POST' &&
			(typeof req.body !== 'object' || req.body === null || Array.isArray(req.body))
		) {
			return errors.gateway(400, 'pushgate.body.invalid', 'The body must be a JSON object');
		}
		const data =
			req.method === 'POST'
				? { ...pushback.eventData, ...(req.body as Record<string, unknown>) }
				: pushback.eventData;
		this.firings.push({ id: pushback.id, method: req.method, data, at: Date.now() });
		this.platform.chat.botEvent(pushback.token, pushback.clientId, pushback.event, {
			eventData: data,
		});
		return json(200, { status: 'OK' });
	}
}
