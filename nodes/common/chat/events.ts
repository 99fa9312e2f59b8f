import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../fields';

import { DEFAULT_CHAT_ZONE, timestampMs } from './timestamps';
import { formatIso } from '../dates';

const isoOrNull = (ms: number | undefined, zone: string) =>
	ms === undefined ? null : formatIso(ms, zone);

/**
 * What a Chat API event is, on an item (`eventKind`). The documented webhook body (token,
 * clientId, questionId, data, timestamp, blockForm) and the one live `/events` shape
 * (`{type: "botResponse", event}`) name no kind, so each kind comes from a documented signal
 * (docs/platform-assumptions.md, "Event kinds"):
 * - `asyncReply`: the questionId is one that Send Without Waiting got back in this n8n;
 * - `agentReply`: `/events` without `all` lists "agent replies only" (the Polling Trigger asks it);
 * - `clientRequest`: a polled event that carries no reply (a client message from elsewhere);
 * - `botReply`: any other message of the bot.
 * Marks the documents do not show (a `type` such as agentResponse or textCampaign, a campaignId, an
 * agent or operator field, event "timeout") are still read where a platform sends them: they cost
 * nothing and give `agentReply`, `campaignMessage` or `timeout`.
 */
export type EventKind =
	| 'asyncReply'
	| 'agentReply'
	| 'campaignMessage'
	| 'timeout'
	| 'botReply'
	| 'clientRequest';

export const CLIENT_REQUEST = 'clientRequest';

/** Where an event came from: the channel webhook, or the `/events` long poll. */
export type EventSource = 'webhook' | 'poll';

const ASYNC_REPLY = {
	name: 'Reply to Send Without Waiting',
	value: 'asyncReply',
	description:
		"The bot's answer to a message that Tovie Chat → Send Without Waiting sent from this n8n, recognised by the message ID the send got back",
};

/**
 * Trigger On, per trigger: each choice fires on the documented platform, and its description
 * says which signal it uses. A choice stands for a set of item kinds (`KINDS_OF_CHOICE`).
 */
export const webhookTriggerOn: INodeProperties = {
	displayName: 'Trigger On',
	name: 'triggerOn',
	type: 'multiOptions',
	required: true,
	options: [
		{
			name: 'Any Other Message',
			value: 'otherMessage',
			description:
				'Live agent replies, text campaign messages, reply timeouts, and answers to messages sent without waiting from elsewhere: the documented webhook body does not say which of these an event is, so pick among them with Options → Only When',
		},
		ASYNC_REPLY,
	],
	default: ['asyncReply', 'otherMessage'],
	description: 'Which messages that the platform sends to the webhook start the workflow',
};

export const pollingTriggerOn: INodeProperties = {
	displayName: 'Trigger On',
	name: 'triggerOn',
	type: 'multiOptions',
	required: true,
	options: [
		{
			name: 'Live Agent Reply',
			value: 'agentReply',
			description:
				"A live agent's message to a client: what the platform's events list returns when not asked for all events (agent replies only)",
		},
		{
			name: 'Other Bot Message',
			value: 'otherMessage',
			description:
				"Every other message of the bot in the channel: reply timeouts, the bot's answers to messages that clients or other apps sent (the webhook never brings those answers to synchronous messages), and text campaign messages if the platform lists them. The events do not tell them apart: pick among them with Options → Only When.",
		},
		ASYNC_REPLY,
	],
	default: ['agentReply', 'asyncReply'],
	description:
		'Which messages start the workflow. The default is what the Chat API webhook would bring and the events can tell apart.',
};

/** The item kinds each Trigger On choice passes. */
const KINDS_OF_CHOICE: Record<EventSource, Record<string, EventKind[]>> = {
	webhook: {
		asyncReply: ['asyncReply'],
		otherMessage: ['agentReply', 'campaignMessage', 'timeout', 'botReply'],
	},
	poll: {
		asyncReply: ['asyncReply'],
		agentReply: ['agentReply'],
		otherMessage: ['campaignMessage', 'timeout', 'botReply'],
	},
};

/**
 * Trigger On values saved by earlier versions (one choice per mark), read as the choices that
 * now cover what they selected.
 */
const LEGACY_CHOICES: Record<EventSource, Record<string, string[]>> = {
	webhook: {
		botReply: ['asyncReply', 'otherMessage'],
		agentReply: ['otherMessage'],
		campaignMessage: ['otherMessage'],
		timeout: ['otherMessage'],
	},
	poll: {
		botReply: ['asyncReply', 'otherMessage'],
		campaignMessage: ['otherMessage'],
		timeout: ['otherMessage'],
	},
};

/** The item kinds that Trigger On (and, polling, Include Client Requests) let through. */
export function kindsOf(
	choices: string[],
	source: EventSource,
	includeClientRequests = false,
): EventKind[] {
	const kinds = new Set<EventKind>();
	for (const choice of choices)
		for (const current of LEGACY_CHOICES[source][choice] ?? [choice])
			for (const kind of KINDS_OF_CHOICE[source][current] ?? []) kinds.add(kind);
	if (includeClientRequests) kinds.add(CLIENT_REQUEST);
	return [...kinds];
}

/** The Trigger On field as the run-time check reads it: earlier versions' values are valid too. */
export function withLegacyChoices(
	properties: INodeProperties[],
	source: EventSource,
): INodeProperties[] {
	return properties.map((property) =>
		property.name === 'triggerOn'
			? {
					...property,
					options: [
						...(property.options ?? []),
						...Object.keys(LEGACY_CHOICES[source]).map((value) => ({ name: value, value })),
					],
				}
			: property,
	);
}

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
	placeholder: 'e.g. {{ $json.clientId?.startsWith("vip-") && $json.text.includes("order") }}',
	description:
		'An n8n expression checked for each event: the event starts the workflow only when it gives true (or the text "true"). If it fails or gives anything else, the event still starts the workflow, with the reason in the item\'s onlyWhenError field, and n8n logs it.',
	hint: "Here $json is the item the event would start the workflow with (eventKind, clientId, text, questionId, data, timestamp, receivedAt, …), not the node's input; $now, $vars, $workflow and functions like .isEmpty() work as anywhere in n8n ($execution is the trigger's, not the execution the event starts)",
};

/**
 * What both triggers show below their setup: Trigger On and the Options (Client ID, the
 * trigger's own options, Only When: in alphabetical order).
 */
export function eventFields(
	triggerOn: INodeProperties,
	description: string,
	ownOptions: INodeProperties[] = [],
): INodeProperties[] {
	return [
		triggerOn,
		optionsCollection(description, [clientIdFilterField, ...ownOptions, onlyWhenField]),
	];
}

const TYPE_ALIASES: Record<string, EventKind> = {
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
 * The kind one event shows by itself (webhook shape; polled events unwrapped by
 * `fromPolledEvent`), before what the trigger knows (its own async sends, the agent-only poll).
 * Marks win in this order: a known `type`, campaign fields, agent fields, the `timeout` event.
 * Without a mark, a polled event that carries no reply is a client request (the live shape types
 * only bot replies: `botResponse`), anything else a bot reply.
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
 * shape has no `clientId` inside `event`: a poll for one client (`clientId`, a parameter live
 * clients use to follow one client) stamps that client on it; a whole-channel poll leaves it out.
 */
export function fromPolledEvent(polled: IDataObject, requestedClientId?: string): IDataObject {
	const inner = (
		polled.event && typeof polled.event === 'object' ? polled.event : {}
	) as IDataObject;
	const clientId = inner.clientId ?? polled.clientId ?? requestedClientId;
	return { ...inner, ...(clientId !== undefined ? { clientId } : {}), type: polled.type };
}

/** The text of an event: a reply's answer (or its text replies), a request's query or event name. */
function textOf(event: IDataObject, kind: EventKind): string {
	if (kind === CLIENT_REQUEST) return String(event.query ?? event.event ?? '');
	const data = (event.data && typeof event.data === 'object' ? event.data : {}) as IDataObject;
	const replies = (Array.isArray(data.replies) ? data.replies : []) as IDataObject[];
	return typeof data.answer === 'string'
		? data.answer
		: replies
				.filter((r) => r && r.type === 'text')
				.map((r) => String(r.text))
				.join('\n\n');
}

/**
 * The item a workflow sees: the event without the channel token, plus its kind (the one the
 * trigger worked out, else what the event shows), text and time (`receivedAt`: the platform's
 * `timestamp`, read in `platformZone`, as ISO 8601 in the workflow's `zone` like every output date).
 */
export function toTriggerItem(
	event: IDataObject,
	source: EventSource = 'webhook',
	zone = 'UTC',
	kind: EventKind = eventKindOf(event, source),
	platformZone = DEFAULT_CHAT_ZONE,
): IDataObject {
	const rest = { ...event };
	delete rest.token;
	return {
		eventKind: kind,
		clientId: rest.clientId,
		text: textOf(rest, kind),
		receivedAt: isoOrNull(timestampMs(rest.timestamp, platformZone), zone),
		...rest,
	};
}

export interface EventFilter {
	/** Item kinds that pass (`kindsOf`). */
	kinds: EventKind[];
	clientId?: string;
}

export function passesFilter(item: IDataObject, filter: EventFilter): boolean {
	if (!filter.kinds.includes(item.eventKind as EventKind)) return false;
	if (filter.clientId && String(item.clientId ?? '') !== filter.clientId) return false;
	return true;
}
