import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';

import { callOptions } from '../common/descriptions';
import type { TovieContext, TovieRequest } from '../common/transport';
import { tovieRequest } from '../common/transport';

/**
 * Every Chat API route, in one place. No spec file exists for the Chat API: paths come from the
 * product brief (the platform's Chat API page). Where the brief is silent, the choice made here is
 * marked [chosen] and the fake platform (test/helpers/fake-platform/chat.cts) follows it, so a
 * correction touches one line here and one there.
 */
export const CHAT_ROUTES = {
	send: { method: 'POST', path: '/chatapi/{secret}' },
	/** Simplified variant: `clientId`, `query`, `event` in the query string. */
	sendGet: { method: 'GET', path: '/chatapi/{secret}' },
	sendAsync: { method: 'POST', path: '/chatapi/{secret}/async' },
	/** Long polling; query `clientId`, `all`, `ts` (epoch ms), `cid`. At most 250 events per answer. */
	events: { method: 'GET', path: '/chatapi/{secret}/events' },
	/** Query [chosen]: `from`, `to` (epoch ms), `offset`, `limit` (max 250). */
	history: { method: 'GET', path: '/chatapi/{secret}/client/{clientId}/history' },
	/** [chosen] path: the brief gives the methods (POST saves, GET loads) but not the path. */
	saveState: { method: 'POST', path: '/chatapi/{secret}/client/{clientId}/state' },
	loadState: { method: 'GET', path: '/chatapi/{secret}/client/{clientId}/state' },
	getStatus: { method: 'GET', path: '/chatapi/{secret}/client/{clientId}/message/{questionId}/status' },
	setStatus: { method: 'POST', path: '/chatapi/{secret}/client/{clientId}/message/{questionId}/status' },
	/** Body `{statuses: [{questionId, status}]}` [item shape chosen]. */
	setStatuses: { method: 'POST', path: '/chatapi/{secret}/client/{clientId}/message-statuses' },
	unreadCount: { method: 'GET', path: '/chatapi/{secret}/client/{clientId}/message-not-read-count' },
} as const satisfies Record<string, { method: IHttpRequestMethods; path: string }>;

export type ChatRoute = keyof typeof CHAT_ROUTES;

export const MESSAGE_STATUSES = ['SENT', 'DELIVERED', 'READ', 'NOT_SENT'] as const;

/** The most events one `/events` answer carries (brief). */
export const EVENTS_PAGE_MAX = 250;

export async function chatRequest<T = IDataObject>(
	ctx: TovieContext,
	route: ChatRoute,
	request: Omit<TovieRequest, 'method' | 'path' | 'secret'> = {},
	options: { itemIndex?: number; maxAttempts?: number } = {},
): Promise<T> {
	return await tovieRequest<T>(ctx, { ...CHAT_ROUTES[route], secret: 'chatApiToken', ...request }, options);
}

/** `chatRequest` for one item of an action node, honouring its "Request Options". */
export async function chatItemRequest<T = IDataObject>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	route: ChatRoute,
	request: Omit<TovieRequest, 'method' | 'path' | 'secret'> = {},
): Promise<T> {
	return await chatRequest<T>(ctx, route, request, callOptions(ctx, itemIndex));
}

/**
 * Platform timestamps are ISO local date-times without a zone ("2024-05-01T10:00:00.123").
 * [chosen] They are read as UTC, the platform servers' zone, so cursors do not depend on the
 * zone n8n runs in. Numbers are taken as epoch ms.
 */
export function timestampMs(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value !== 'string' || !value) return undefined;
	const zoned = /([zZ]|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
	const ms = Date.parse(zoned);
	return Number.isFinite(ms) ? ms : undefined;
}
