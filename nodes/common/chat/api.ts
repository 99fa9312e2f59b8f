import { requestsFor } from '../requests';
import type { RouteSpec } from '../transport';

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
	getStatus: {
		method: 'GET',
		path: '/chatapi/{secret}/client/{clientId}/message/{questionId}/status',
	},
	setStatus: {
		method: 'POST',
		path: '/chatapi/{secret}/client/{clientId}/message/{questionId}/status',
	},
	/** Body `{statuses: [{questionId, status}]}`: the item shape is not in the docs (platform-assumptions.md). */
	setStatuses: { method: 'POST', path: '/chatapi/{secret}/client/{clientId}/message-statuses' },
	unreadCount: {
		method: 'GET',
		path: '/chatapi/{secret}/client/{clientId}/message-not-read-count',
	},
} as const satisfies Record<string, RouteSpec>;

export const { request, itemRequest } = requestsFor(CHAT_ROUTES, 'chatApiToken');

/** The most events one `/events` answer carries (the Chat API pages); also the history page size. */
export const EVENTS_PAGE_MAX = 250;
