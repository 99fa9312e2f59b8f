import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { callOptions } from './fields';
import { paginate, type Page } from './paginate';
import type {
	CallOptions,
	RouteSpec,
	SecretField,
	TovieContext,
	TovieRequest,
	TovieResponse,
} from './transport';
import { tovieRequest, tovieRequestFull } from './transport';

/** What a call site adds to a route: path values, query, body, headers… never the method or path. */
export type PlatformRequest = Omit<TovieRequest, 'method' | 'path' | 'secret'>;

/** The page size a list asks for first, and the one it falls back to when the platform refuses it (400). */
export interface PageSizes {
	pageSize: number;
	fallbackPageSize: number;
}

/**
 * The unified API's lists (Reporter, Text campaign, Project) declare no maximum page size
 * (docs/platform-assumptions.md): 1000 is asked first, 100 after a 400.
 */
export const LIST_PAGES: PageSizes = { pageSize: 1000, fallbackPageSize: 100 };

/** How a list pages: the paging parameters of one page, and how to read its items and total. */
export interface ListShape {
	pageQuery: (page: number, size: number, offset: number) => IDataObject;
	read: (answer: IDataObject) => Page<IDataObject>;
}

/** The usual list: `page`/`size` in, `{<listKey>: [...], paging: {totalCount}}` out. */
export function pageSizeList(listKey: string): ListShape {
	return {
		pageQuery: (page, size) => ({ page, size }),
		read: (answer) => {
			const total = (answer.paging as IDataObject | undefined)?.totalCount;
			return {
				items: (answer[listKey] ?? []) as IDataObject[],
				total: typeof total === 'number' ? total : undefined,
			};
		},
	};
}

/**
 * A node's request wrapper, built from its route table: the route's method, path and `acts` win
 * over the call site's, and a route marked idempotent stays so. `item*` variants honour the
 * item's "Request Options". Every node's `api.ts` exports one of these and nothing else of HTTP.
 */
export function requestsFor<Route extends string>(
	routes: Record<Route, RouteSpec>,
	secret: SecretField | undefined,
	pages: PageSizes = LIST_PAGES,
) {
	const build = (route: Route, request: PlatformRequest): TovieRequest => {
		const spec = routes[route];
		return { secret, ...request, ...spec, idempotent: spec.idempotent ?? request.idempotent };
	};
	const requestFull = async <T = IDataObject>(
		ctx: TovieContext,
		route: Route,
		request: PlatformRequest = {},
		options: CallOptions = {},
	): Promise<TovieResponse<T>> => await tovieRequestFull<T>(ctx, build(route, request), options);
	const request = async <T = IDataObject>(
		ctx: TovieContext,
		route: Route,
		request: PlatformRequest = {},
		options: CallOptions = {},
	): Promise<T> => await tovieRequest<T>(ctx, build(route, request), options);
	const itemRequestFull = async <T = IDataObject>(
		ctx: IExecuteFunctions,
		itemIndex: number,
		route: Route,
		req: PlatformRequest = {},
	): Promise<TovieResponse<T>> =>
		await requestFull<T>(ctx, route, req, callOptions(ctx, itemIndex));
	const itemRequest = async <T = IDataObject>(
		ctx: IExecuteFunctions,
		itemIndex: number,
		route: Route,
		req: PlatformRequest = {},
	): Promise<T> => await request<T>(ctx, route, req, callOptions(ctx, itemIndex));

	/**
	 * Walks a paged list with Return All / Limit at the largest page the platform accepts. The
	 * first page doubles as a probe: a 400 for the large size means "use the fallback size".
	 * `pageQuery` gives the paging parameters (`page`/`size` or `offset`/`limit`); `read` the items
	 * (`pageSizeList` gives both for the usual shape).
	 */
	async function pagedList(
		ctx: IExecuteFunctions,
		itemIndex: number,
		route: Route,
		req: PlatformRequest,
		paging: ListShape & { limit: number | undefined },
	): Promise<IDataObject[]> {
		const { limit, pageQuery, read } = paging;
		const ask = (page: number, size: number, offset: number): PlatformRequest => ({
			...req,
			qs: { ...req.qs, ...pageQuery(page, size, offset) },
		});
		let pageSize =
			limit !== undefined && limit < pages.pageSize ? Math.max(limit, 1) : pages.pageSize;
		let first: IDataObject | undefined;
		if (pageSize === pages.pageSize) {
			const probe = await itemRequestFull(ctx, itemIndex, route, {
				...ask(0, pageSize, 0),
				acceptStatuses: [400],
			});
			if (probe.statusCode === 400) pageSize = pages.fallbackPageSize;
			else first = probe.body;
		}
		return await paginate<IDataObject>(
			async (page, size, offset) =>
				read(
					page === 0 && first
						? first
						: await itemRequest(ctx, itemIndex, route, ask(page, size, offset)),
				),
			{ limit, pageSize },
		);
	}

	return { request, requestFull, itemRequest, itemRequestFull, pagedList };
}
