import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { callOptions } from '../common/fields';
import type { Page } from '../common/paginate';
import { paginate } from '../common/paginate';
import { PROJECT_READ_ROUTES } from '../common/projects';
import type { CallOptions, RouteSpec, TovieContext, TovieRequest, TovieResponse } from '../common/transport';
import { tovieRequestFull } from '../common/transport';

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

/**
 * Page size for project lists. The spec declares no maximum (docs/platform-assumptions.md): 1000 is asked first (as in
 * Tovie Reporter) and a list falls back to FALLBACK_PAGE_SIZE when the platform refuses it with 400.
 */
export const PAGE_SIZE = 1000;
export const FALLBACK_PAGE_SIZE = 100;

export type ProjectRequest = Omit<TovieRequest, 'method' | 'path' | 'secret'>;

export async function projectRequestFull<T = IDataObject>(
	ctx: TovieContext,
	route: ProjectRoute,
	request: ProjectRequest = {},
	options: CallOptions = {},
): Promise<TovieResponse<T>> {
	return await tovieRequestFull<T>(ctx, { secret: 'apiToken', ...request, ...(PROJECT_ROUTES[route] as RouteSpec) }, options);
}

export async function projectRequest<T = IDataObject>(
	ctx: TovieContext,
	route: ProjectRoute,
	request: ProjectRequest = {},
	options: CallOptions = {},
): Promise<T> {
	return (await projectRequestFull<T>(ctx, route, request, options)).body;
}

/** `projectRequest` for one item of the node, honouring its "Request Options". */
export async function itemRequest<T = IDataObject>(
	ctx: IExecuteFunctions,
	itemIndex: number,
	route: ProjectRoute,
	request: ProjectRequest = {},
): Promise<T> {
	return await projectRequest<T>(ctx, route, request, callOptions(ctx, itemIndex));
}

/** Walks the `page`/`size` project list (`{projects, paging: {totalCount}}`) with Return All / Limit. */
export async function listProjects(
	ctx: IExecuteFunctions,
	itemIndex: number,
	qs: IDataObject,
	limit: number | undefined,
): Promise<IDataObject[]> {
	let pageSize = limit !== undefined && limit < PAGE_SIZE ? Math.max(limit, 1) : PAGE_SIZE;
	let first: IDataObject | undefined;
	if (pageSize === PAGE_SIZE) {
		// The first page doubles as a probe: a 400 for the large size means "use the small one".
		const probe = await projectRequestFull(ctx, 'listProjects', { qs: { ...qs, page: 0, size: PAGE_SIZE }, acceptStatuses: [400] }, callOptions(ctx, itemIndex));
		if (probe.statusCode === 400) pageSize = FALLBACK_PAGE_SIZE;
		else first = probe.body;
	}
	return await paginate<IDataObject>(
		async (page, size): Promise<Page<IDataObject>> => {
			const answer = page === 0 && first ? first : await itemRequest(ctx, itemIndex, 'listProjects', { qs: { ...qs, page, size } });
			const paging = (answer.paging ?? {}) as IDataObject;
			const total = typeof paging.totalCount === 'number' ? paging.totalCount : undefined;
			return { items: (answer.projects ?? []) as IDataObject[], total };
		},
		{ limit, pageSize },
	);
}
