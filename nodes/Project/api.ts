import { PROJECT_READ_ROUTES } from '../common/projects';
import { requestsFor } from '../common/requests';
import type { RouteSpec } from '../common/transport';

const P = '/api/v1/projects';
const C = '/api/v1/bot-channels';

/**
 * Every Project API and Bot channel API route (the vendor's Project API spec, 7 operations;
 * the Bot channel API spec, 7 operations) and the Async API read that follows a deploy
 * (the Async API spec). All use the unified token as `Authorization: Bearer`. The reads other nodes
 * need too (list and get projects, list channels) live in nodes/common/projects.ts.
 */
export const PROJECT_ROUTES = {
	...PROJECT_READ_ROUTES,
	createProject: { method: 'POST', path: P, acts: true }, // project create
	updateProject: { method: 'PUT', path: `${P}/{id}` }, // project update
	deleteProject: { method: 'DELETE', path: `${P}/{id}` }, // project delete
	cloneProject: { method: 'POST', path: `${P}/{id}/clone`, acts: true }, // project clone
	createChannel: { method: 'POST', path: C, acts: true }, // bot channel create
	getChannel: { method: 'GET', path: `${C}/{id}` }, // bot channel getById
	updateChannel: { method: 'PUT', path: `${C}/{id}` }, // bot channel update
	deleteChannel: { method: 'DELETE', path: `${C}/{id}` }, // bot channel delete
	getChannelByBotId: { method: 'GET', path: `${C}/{botId}/by-bot-id` }, // bot channel getByBotId
	deployChannel: { method: 'POST', path: '/api/v1/async/bot-channels/deploy', acts: true }, // bot channel deploy
	asyncEvents: { method: 'GET', path: '/api/v1/async/events' }, // Async API getAsyncRequest
} as const satisfies Record<string, RouteSpec>;

export type ProjectRoute = keyof typeof PROJECT_ROUTES;

export const { request, requestFull, itemRequest, itemRequestFull, pagedList } = requestsFor(
	PROJECT_ROUTES,
	'apiToken',
);
