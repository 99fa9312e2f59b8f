import type { IDataObject, IWebhookDescription } from 'n8n-workflow';

/** What "Trigger On" offers: the client events, one per call that starts the workflow. */
export const CLIENT_EVENTS = [
	{
		name: 'New Dialog (Transfer to Agent)',
		value: 'newDialog',
		call: 'selectDestination',
		description: 'The bot hands a client over to one of your agent groups',
	},
	{
		name: 'Client Message',
		value: 'clientMessage',
		call: 'sendText',
		description: 'The client wrote to the agent',
	},
	{
		name: 'Client File',
		value: 'clientFile',
		call: 'sendFile',
		description: 'The client sent a file to the agent',
	},
	{
		name: 'Client Closed the Chat',
		value: 'chatClosed',
		call: 'closeChat',
		description: 'The client ended the chat with the agent',
	},
] as const;
export type ClientEvent = (typeof CLIENT_EVENTS)[number]['value'];

/**
 * The one table of the calls the platform makes to the integrator's server, `{apiUrl}/{call}`
 * (the platform's Operator API page). The trigger's webhooks (one per call, all under one base URL) and
 * its dispatch are derived from it.
 */
export const OPERATOR_CALLS = [
	{ call: 'getDestinations', method: 'GET' },
	{ call: 'setWebhook', method: 'POST' },
	...CLIENT_EVENTS.map(({ call }) => ({ call, method: 'POST' as const })),
] as const;
export type OperatorCall =
	| 'getDestinations'
	| 'setWebhook'
	| (typeof CLIENT_EVENTS)[number]['call'];

/**
 * One n8n webhook per call, all under the node's base URL `…/webhook/{webhookId}`, plus one at that
 * base URL itself: the only URL the editor shows, so the user pastes it as the channel's API URL
 * without trimming anything. It answers a GET (a browser check) and starts nothing.
 */
export const OPERATOR_WEBHOOKS: IWebhookDescription[] = [
	{
		name: 'default',
		httpMethod: 'GET',
		path: '',
		isFullPath: true,
		responseMode: 'onReceived',
		responseData: 'noData',
		ndvHideMethod: true,
	},
	...OPERATOR_CALLS.map(
		({ call, method }): IWebhookDescription => ({
			name: 'default',
			httpMethod: method,
			path: call,
			// A Respond to Webhook node answers getDestinations when the workflow provides the agent groups.
			responseMode:
				call === 'getDestinations'
					? '={{$parameter["destinationsSource"] === "workflow" ? "responseNode" : "onReceived"}}'
					: 'onReceived',
			responseData: 'noData',
			ndvHideUrl: true,
		}),
	),
];

/**
 * Which call a request is: the last segment of its path (`/webhook/{id}/sendText`); `undefined` for
 * the base URL. n8n already routed it by method and path to this node; webhook names cannot tell
 * the calls apart.
 */
export function callOf(request: { path?: string; url?: string }): OperatorCall | undefined {
	const path = (request.path ?? request.url ?? '').split('?')[0].replace(/\/+$/, '');
	const last = path.slice(path.lastIndexOf('/') + 1);
	return OPERATOR_CALLS.find((c) => c.call === last)?.call;
}

export type CallVerdict = { ok: true; item: IDataObject } | { ok: false; message: string };

const isObject = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string';
const idText = (value: unknown): string | undefined =>
	typeof value === 'string' && value.trim()
		? value
		: typeof value === 'number'
			? String(value)
			: undefined;

/** `attributes` and friends arrive as objects, or as JSON text ("Accepts JSON in the {"key":"value"} form"). */
function jsonObject(value: unknown): IDataObject | undefined {
	if (isObject(value)) return value;
	if (typeof value !== 'string' || !value.trim()) return undefined;
	try {
		const parsed = JSON.parse(value) as unknown;
		return isObject(parsed) ? parsed : { value };
	} catch {
		return { value };
	}
}

type Reader = (body: IDataObject, item: IDataObject) => string | undefined;

/** Per client call: copies its fields into the item, or says what is missing. */
const READERS: Record<ClientEvent, Reader> = {
	clientMessage(body, item) {
		if (!isText(body.text)) return 'text is required';
		item.text = body.text;
		return undefined;
	},
	clientFile(body, item) {
		if (!isText(body.url) || !body.url) return 'url is required';
		item.url = body.url;
		if (body.fileName !== undefined) item.fileName = String(body.fileName);
		const size = Number(body.size);
		if (body.size !== undefined && body.size !== null && Number.isFinite(size)) item.size = size;
		return undefined;
	},
	chatClosed(body, item) {
		item.text = isText(body.text) ? body.text : '';
		return undefined;
	},
	newDialog(body, item) {
		const destinationId = idText(body.destinationId);
		if (!destinationId) return 'destinationId is required';
		item.destinationId = destinationId;
		if (isText(body.userName) && body.userName) item.userName = body.userName;
		for (const key of ['attributes', 'hiddenAttributes', 'customData'] as const) {
			const value = jsonObject(body[key]);
			if (value) item[key] = value;
		}
		return undefined;
	},
};

/**
 * Checks one client call and turns it into the trigger's item. Lenient where the API page marks a
 * field optional; refuses (400) only what an agent could not act on: no userId, a text call
 * without text, a file without its link, a hand-over without a destination.
 */
export function toClientItem(call: OperatorCall, body: unknown, receivedAt: string): CallVerdict {
	if (!isObject(body)) return { ok: false, message: 'Expected a JSON object' };
	const userId = idText(body.userId);
	if (!userId) return { ok: false, message: 'userId is required' };
	const event = CLIENT_EVENTS.find((e) => e.call === call);
	if (!event) return { ok: false, message: `${call} does not start a workflow` };
	const item: IDataObject = { event: event.value, userId };
	const problem = READERS[event.value](body, item);
	if (problem) return { ok: false, message: problem };
	item.receivedAt = receivedAt;
	return { ok: true, item };
}
