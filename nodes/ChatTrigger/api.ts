import type { RouteSpec } from '../common/transport';
import { requestsFor } from '../common/requests';

/** The Bot channel and Project API calls of automatic webhook registration (unified token, Bearer). */
export const REGISTRATION_ROUTES = {
	project: { method: 'GET', path: '/api/v1/projects/{shortName}/by-project-short-name' },
	channels: { method: 'GET', path: '/api/v1/bot-channels' },
	channel: { method: 'GET', path: '/api/v1/bot-channels/{id}' },
	update: { method: 'PUT', path: '/api/v1/bot-channels/{id}' },
} as const satisfies Record<string, RouteSpec>;

export const { request } = requestsFor(REGISTRATION_ROUTES, 'apiToken');
