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
	/** The list as errors name it ("text campaigns"). */
	list: string;
	/** `page` × size (the default) or `offset`: how `paginate` addresses the next page. */
	by?: 'page' | 'offset';
	pageQuery: (page: number, size: number, offset: number) => IDataObject;
	read: (answer: IDataObject) => Page<IDataObject>;
}

const numberOr = (value: unknown) => (typeof value === 'number' ? value : undefined);

/** The usual list: `page`/`size` in, `{<listKey>: [...], paging: {pageSize, totalCount}}` out. */
export function pageSizeList(listKey: string, list: string): ListShape {
	return {
		list,
		pageQuery: (page, size) => ({ page, size }),
		read: (answer) => {
			const paging = (answer.paging ?? {}) as IDataObject;
			return {
				items: (answer[listKey] ?? []) as IDataObject[],
				total: numberOr(paging.totalCount),
				size: numberOr(paging.pageSize),
			};
		},
	};
}

/** An `offset`/`limit` list answering `{<listKey>: [...], totalCount}`. */
export function offsetLimitList(listKey: string, list: string): ListShape {
	return {
		list,
		by: 'offset',
		pageQuery: (_page, size, offset) => ({ offset, limit: size }),
		read: (answer) => ({
			items: (answer[listKey] ?? []) as IDataObject[],
			total: numberOr(answer.totalCount),
		}),
	};
}

/**
 * Up to `limit` items of a list for a picker, by the same rule as `pagedList` (no item options,
 * no probe): `fetch` asks one page with the paging parameters it is given.
 */
export async function listUpTo(
	ctx: TovieContext,
	fetch: (paging: IDataObject) => Promise<IDataObject>,
	{ pageQuery, read, list, by }: ListShape,
	limit: number,
): Promise<IDataObject[]> {
	return await paginate<IDataObject>(
		async (page, size, offset) => read(await fetch(pageQuery(page, size, offset))),
		{ limit, pageSize: LIST_PAGES.pageSize, by, list, node: ctx.getNode() },
	);
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
	 * Walks a paged list with Return All / Limit (`paginate`: follows the total and the size the
	 * server answers). The first page doubles as a probe: a 400 for the large size means "use the
	 * fallback size".
	 */
	async function pagedList(
		ctx: IExecuteFunctions,
		itemIndex: number,
		route: Route,
		req: PlatformRequest,
		paging: ListShape & { limit: number | undefined },
	): Promise<IDataObject[]> {
		const { limit, pageQuery, read, list, by } = paging;
		const ask = (page: number, size: number, offset: number): PlatformRequest => ({
			...req,
			qs: { ...req.qs, ...pageQuery(page, size, offset) },
		});
		let pageSize = pages.pageSize;
		let first: IDataObject | undefined;
		if (limit === undefined || limit >= pageSize) {
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
					offset === 0 && first
						? first
						: await itemRequest(ctx, itemIndex, route, ask(page, size, offset)),
				),
			{ limit, pageSize, by, list, node: ctx.getNode() },
		);
	}

	return { request, requestFull, itemRequest, itemRequestFull, pagedList };
}
