import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { parseDateMs } from '../common/dates';
import { callOptions } from '../common/fields';
import type { RouteSpec, TovieContext, TovieRequest } from '../common/transport';
import { tovieRequest } from '../common/transport';

/**
 * Every Chat API route, in one place. No spec file exists for the Chat API: paths come from the
 * platform's Chat API pages. Where the pages are silent, what the node does instead is listed in
 * docs/platform-assumptions.md, so a correction touches one line here and one in the fake platform
 * (test/helpers/fake-platform/chat.cts).
 */
export const CHAT_ROUTES = {
	// `acts`: the bot receives a message; never repeated unless it provably did not arrive.
	send: { method: 'POST', path: '/chatapi/{secret}', acts: true },
	/** Simplified variant: `clientId`, `query`, `event` in the query string. A GET that acts. */
	sendGet: { method: 'GET', path: '/chatapi/{secret}', acts: true },
	sendAsync: { method: 'POST', path: '/chatapi/{secret}/async', acts: true },
	/** Long polling; query `clientId`, `all`, `ts` (epoch ms), `cid`. At most 250 events per answer. Cursor: see the docs. */
	events: { method: 'GET', path: '/chatapi/{secret}/events' },
	/** Query `from`, `to` (epoch ms), `offset`, `limit` (max 250): not in the docs (platform-assumptions.md). */
	history: { method: 'GET', path: '/chatapi/{secret}/client/{clientId}/history' },
	/** The pages give the methods (POST saves, GET loads) but not the path (platform-assumptions.md). */
	saveState: { method: 'POST', path: '/chatapi/{secret}/client/{clientId}/state' },
	loadState: { method: 'GET', path: '/chatapi/{secret}/client/{clientId}/state' },
	getStatus: { method: 'GET', path: '/chatapi/{secret}/client/{clientId}/message/{questionId}/status' },
	setStatus: { method: 'POST', path: '/chatapi/{secret}/client/{clientId}/message/{questionId}/status' },
	/** Body `{statuses: [{questionId, status}]}`: the item shape is not in the docs (platform-assumptions.md). */
	setStatuses: { method: 'POST', path: '/chatapi/{secret}/client/{clientId}/message-statuses' },
	unreadCount: { method: 'GET', path: '/chatapi/{secret}/client/{clientId}/message-not-read-count' },
} as const satisfies Record<string, RouteSpec>;

export type ChatRoute = keyof typeof CHAT_ROUTES;

export const MESSAGE_STATUSES = ['SENT', 'DELIVERED', 'READ', 'NOT_SENT'] as const;

/** The most events one `/events` answer carries (the Chat API pages). */
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
 * Platform timestamps are ISO local date-times without a zone ("2024-05-01T10:00:00.123"). They
 * are read as UTC, so cursors do not depend on the zone n8n runs in; the platform does not document
 * its zone (docs/platform-assumptions.md, "Dates"). Numbers are taken as epoch ms.
 */
export function timestampMs(value: unknown): number | undefined {
	if (typeof value !== 'number' && typeof value !== 'string') return undefined;
	try {
		return parseDateMs(value, 'UTC'); // the common reader (nodes/common/dates.ts)
	} catch {
		return undefined;
	}
}
