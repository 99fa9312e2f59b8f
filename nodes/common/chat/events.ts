import type { IDataObject, INode, INodeProperties } from 'n8n-workflow';
import { Expression } from 'n8n-workflow';

import { optionsCollection } from '../fields';

import { timestampMs } from './timestamps';
import { formatIso } from '../dates';

const isoOrNull = (ms: number | undefined, zone: string) =>
	ms === undefined ? null : formatIso(ms, zone);

/**
 * What a Chat API event is, as "Trigger On" offers it. The platform's documented webhook body
 * (token, clientId, questionId, data, timestamp, blockForm) carries no field that names its kind,
 * so the kinds are read from fields the documents do not show (docs/platform-assumptions.md,
 * "Event kinds"): they cost nothing when the platform sends them, and an event without any of
 * them counts as a bot reply. The dependable selector is "Only When".
 */
export const REPLY_KINDS = [
	{
		name: 'Bot Reply',
		value: 'botReply',
		description:
			'The bot answering an async request, and every event that carries none of the marks below',
	},
	{
		name: 'Live Agent Reply',
		value: 'agentReply',
		description:
			"Events marked as an agent's: type agentResponse or operatorResponse, or an agent or operator field",
	},
	{
		name: 'Reply Timeout',
		value: 'timeout',
		description: 'Events marked with event "timeout"',
	},
	{
		name: 'Text Campaign Message',
		value: 'campaignMessage',
		description: "Events marked as a campaign's: type textCampaign, or a campaignId field",
	},
] as const;

/** Events that carry no reply: only Tovie Chat Polling Trigger sees them, and only on request. */
export const CLIENT_REQUEST = 'clientRequest';

export type EventKind = (typeof REPLY_KINDS)[number]['value'] | typeof CLIENT_REQUEST;

/** Where an event came from: the channel webhook, or the `/events` long poll. */
export type EventSource = 'webhook' | 'poll';

/** Shared by Tovie Chat Trigger and Tovie Chat Polling Trigger. */
export const triggerOnField: INodeProperties = {
	displayName: 'Trigger On',
	name: 'triggerOn',
	type: 'multiOptions',
	options: REPLY_KINDS.map(({ name, value, description }) => ({ name, value, description })),
	default: ['botReply', 'agentReply', 'campaignMessage', 'timeout'],
	description:
		'Which messages start the workflow. The platform does not document how it marks them: see the note below.',
};

export const kindNotice: INodeProperties = {
	displayName:
		'The platform\'s documents show no field that tells these kinds apart. They are recognised by fields some platforms send (type, campaignId, agent or operator, event "timeout"); an event without them counts as a Bot Reply. To pick events dependably, use Options → Only When.',
	name: 'kindNotice',
	type: 'notice',
	default: '',
};

export const clientIdFilterField: INodeProperties = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string',
	default: '',
	placeholder: 'e.g. user-42',
	description:
		'Only messages to this client (the client ID the messages were sent with); leave empty for every client of the channel',
};

export const onlyWhenField: INodeProperties = {
	displayName: 'Only When',
	name: 'onlyWhen',
	type: 'string',
	default: '',
	placeholder: 'e.g. {{ $json.clientId.startsWith("vip-") && $json.text.includes("order") }}',
	description:
		'An expression checked for each event: the event starts the workflow only when it gives true. An expression that fails counts as false.',
	hint: 'Here $json is the item the event would start the workflow with (eventKind, clientId, text, questionId, data, …), not the input of the node',
};

/**
 * What both triggers show below their setup: Trigger On, the note on event kinds, and the Options
 * (Client ID, the trigger's own options, Only When: in alphabetical order).
 */
export function eventFields(
	description: string,
	ownOptions: INodeProperties[] = [],
): INodeProperties[] {
	return [
		triggerOnField,
		kindNotice,
		optionsCollection(description, [clientIdFilterField, ...ownOptions, onlyWhenField]),
	];
}

const TYPE_ALIASES: Record<string, EventKind> = {
	botresponse: 'botReply',
	botreply: 'botReply',
	agentresponse: 'agentReply',
	agentreply: 'agentReply',
	operatorresponse: 'agentReply',
	textcampaign: 'campaignMessage',
	campaignmessage: 'campaignMessage',
	timeout: 'timeout',
};

function hasReply(data: IDataObject): boolean {
	const replies = Array.isArray(data.replies) ? data.replies : [];
	return replies.length > 0 || (typeof data.answer === 'string' && data.answer !== '');
}

/**
 * The kind of one event (webhook shape; polled events unwrapped by `fromPolledEvent`). Marks win in
 * this order: a known `type`, campaign fields, agent fields, the `timeout` event. Without a mark a
 * webhook event is a bot reply; a polled event is a client request when its type says so or when it
 * carries no reply at all (a client message, a widget state change), else a bot reply.
 */
export function eventKindOf(event: IDataObject, source: EventSource = 'webhook'): EventKind {
	const data = (event.data && typeof event.data === 'object' ? event.data : {}) as IDataObject;
	for (const field of [event.type, event.eventType, data.type]) {
		if (typeof field !== 'string') continue;
		const alias = TYPE_ALIASES[field.toLowerCase()];
		if (alias) return alias;
		if (source === 'poll' && /request/i.test(field)) return CLIENT_REQUEST;
	}
	if (
		event.campaignId !== undefined ||
		event.textCampaignId !== undefined ||
		data.campaignId !== undefined
	) {
		return 'campaignMessage';
	}
	if (
		event.agent !== undefined ||
		event.operator !== undefined ||
		data.agent !== undefined ||
		data.operator !== undefined
	) {
		return 'agentReply';
	}
	const firedEvent = String(event.event ?? data.event ?? '').toLowerCase();
	if (firedEvent === 'timeout' || firedEvent === 'timeoutevent') return 'timeout';
	if (source === 'poll' && !hasReply(data)) return CLIENT_REQUEST;
	return 'botReply';
}

/**
 * `/events` wraps each event as `{type, event: {...}}`; unwrap it to the webhook shape. The live
 * shape shows no `clientId` inside `event`: when the poll asked for one client, the event is that
 * client's (the platform filtered it).
 */
export function fromPolledEvent(polled: IDataObject, requestedClientId?: string): IDataObject {
	const inner = (
		polled.event && typeof polled.event === 'object' ? polled.event : {}
	) as IDataObject;
	const clientId = inner.clientId ?? polled.clientId ?? requestedClientId;
	return { ...inner, ...(clientId !== undefined ? { clientId } : {}), type: polled.type };
}

/**
 * The item a workflow sees: the event without the channel token, plus its kind, text and time
 * (`receivedAt`, ISO 8601 in the workflow's zone, like every output date).
 */
export function toTriggerItem(
	event: IDataObject,
	source: EventSource = 'webhook',
	zone = 'UTC',
): IDataObject {
	const rest = { ...event };
	delete rest.token;
	const data = (rest.data && typeof rest.data === 'object' ? rest.data : {}) as IDataObject;
	const replies = (Array.isArray(data.replies) ? data.replies : []) as IDataObject[];
	const eventKind = eventKindOf(event, source);
	const text =
		eventKind === CLIENT_REQUEST
			? (rest.query ?? rest.event ?? '')
			: (data.answer ??
				replies
					.filter((r) => r && r.type === 'text')
					.map((r) => r.text)
					.join('\n\n'));
	return {
		eventKind,
		clientId: rest.clientId,
		text,
		receivedAt: isoOrNull(timestampMs(rest.timestamp), zone),
		...rest,
	};
}

export interface EventFilter {
	kinds: string[];
	clientId?: string;
	/** The raw "Only When" expression, see `onlyWhenOf`. */
	onlyWhen?: string;
}

/**
 * The "Only When" option as the user wrote it. Read from the node's raw parameters: n8n would
 * evaluate an expression against the trigger's (empty) input, while here it runs once per event.
 */
export function onlyWhenOf(node: INode): string | undefined {
	const options = node.parameters?.options;
	const raw =
		options && typeof options === 'object' && !Array.isArray(options)
			? (options as IDataObject).onlyWhen
			: undefined;
	return typeof raw === 'string' && raw.replace(/^=/, '').trim() ? raw : undefined;
}

/** Evaluates "Only When" with n8n's expression engine and `$json` = the event item. */
export function matchesOnlyWhen(expression: string, item: IDataObject): boolean {
	const source = expression.replace(/^=/, '').trim();
	const template = source.includes('{{') ? source : `{{ ${source} }}`;
	try {
		const value: unknown = Expression.resolveWithoutWorkflow(template, { $json: item });
		return value === true || value === 'true';
	} catch {
		return false;
	}
}

export function passesFilter(item: IDataObject, filter: EventFilter): boolean {
	if (filter.kinds.length > 0 && !filter.kinds.includes(String(item.eventKind))) return false;
	if (filter.clientId && String(item.clientId ?? '') !== filter.clientId) return false;
	if (filter.onlyWhen !== undefined && !matchesOnlyWhen(filter.onlyWhen, item)) return false;
	return true;
}
