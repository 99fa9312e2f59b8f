import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { timestampMs } from '../Chat/api';

/**
 * What the platform tells n8n about, as "Trigger On" offers it. The webhook body has the shape of
 * the synchronous answer; the docs do not name its kind, so `eventKind` is derived here, in one
 * place [chosen]: an explicit `type`/`eventType` field wins; otherwise a text campaign is marked by
 * campaign fields, an agent reply by agent/operator fields or an `agentResponse` type, a timeout
 * by the `timeout` event, and everything else is the bot's reply to an async request.
 */
export const EVENT_KINDS = [
	{ name: 'Bot Reply (Async Request)', value: 'botReply' },
	{ name: 'Live Agent Reply', value: 'agentReply' },
	{ name: 'Text Campaign Message', value: 'campaignMessage' },
	{ name: 'Reply Timeout', value: 'timeout' },
] as const;
export type EventKind = (typeof EVENT_KINDS)[number]['value'];

/** Shared by Tovie Chat Trigger and Tovie Chat Polling Trigger. */
export const triggerOnField: INodeProperties = {
	displayName: 'Trigger On',
	name: 'triggerOn',
	type: 'multiOptions',
	options: EVENT_KINDS.map(({ name, value }) => ({ name, value })),
	default: ['botReply', 'agentReply', 'campaignMessage', 'timeout'],
	description: 'Which messages start the workflow',
};

export const clientIdFilterField: INodeProperties = {
	displayName: 'Client ID',
	name: 'clientId',
	type: 'string',
	default: '',
	description: 'Only messages to this client',
};

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

export function eventKindOf(event: IDataObject): EventKind {
	const data = (event.data ?? {}) as IDataObject;
	for (const field of [event.type, event.eventType, data.type]) {
		const alias = typeof field === 'string' ? TYPE_ALIASES[field.toLowerCase()] : undefined;
		if (alias) return alias;
	}
	if (event.campaignId !== undefined || event.textCampaignId !== undefined || data.campaignId !== undefined) {
		return 'campaignMessage';
	}
	if (event.agent !== undefined || event.operator !== undefined || data.agent !== undefined || data.operator !== undefined) {
		return 'agentReply';
	}
	const firedEvent = String(event.event ?? data.event ?? '').toLowerCase();
	if (firedEvent === 'timeout' || firedEvent === 'timeoutevent') return 'timeout';
	return 'botReply';
}

/** Webhook bodies come as one object or an array of them. */
export function eventsOfBody(body: unknown): IDataObject[] | undefined {
	const list = Array.isArray(body) ? body : [body];
	return list.every((entry) => entry && typeof entry === 'object' && !Array.isArray(entry))
		? (list as IDataObject[])
		: undefined;
}

/** `/events` wraps each event as `{type, event: {...}}`; unwrap it to the webhook shape. */
export function fromPolledEvent(polled: IDataObject): IDataObject {
	const inner = (polled.event && typeof polled.event === 'object' ? polled.event : {}) as IDataObject;
	return { ...inner, ...(polled.clientId !== undefined ? { clientId: polled.clientId } : {}), type: polled.type };
}

/** The item a workflow sees: the event without the channel token, plus its kind and time. */
export function toTriggerItem(event: IDataObject): IDataObject {
	const rest = { ...event };
	delete rest.token;
	const data = (rest.data ?? {}) as IDataObject;
	const replies = (data.replies ?? []) as IDataObject[];
	return {
		eventKind: eventKindOf(event),
		clientId: rest.clientId,
		text: data.answer ?? replies.filter((r) => r.type === 'text').map((r) => r.text).join('\n\n'),
		receivedTs: timestampMs(rest.timestamp) ?? null,
		...rest,
	};
}

export interface EventFilter {
	kinds: string[];
	clientId?: string;
}

export function passesFilter(item: IDataObject, filter: EventFilter): boolean {
	if (filter.kinds.length > 0 && !filter.kinds.includes(String(item.eventKind))) return false;
	if (filter.clientId && String(item.clientId ?? '') !== filter.clientId) return false;
	return true;
}
