export interface Page<T> {
	items: T[];
	/** Total number of items, when the API says it (`paging.totalCount`). */
	total?: number;
	/** True when the API says this is the last page. */
	last?: boolean;
}

export interface PaginateOptions {
	/** Stop after this many items; `undefined` means all ("Return All"). */
	limit?: number;
	/** The largest page the API allows. */
	pageSize: number;
	/** Hard stop against an API that never ends. */
	maxPages?: number;
}

/**
 * Walks any page-numbered or offset list. `fetchPage(page, size, offset)` returns one page; the
 * walk stops at the limit, a short or empty page, the total, the API's own "last" flag, a page
 * identical to the previous one (a server ignoring the page parameter), or `maxPages`.
 */
export async function paginate<T>(
	fetchPage: (page: number, size: number, offset: number) => Promise<Page<T>>,
	{ limit, pageSize, maxPages = 10_000 }: PaginateOptions,
): Promise<T[]> {
	const results: T[] = [];
	let previous: string | undefined;
	for (let page = 0; page < maxPages; page++) {
		const wanted = limit === undefined ? pageSize : Math.min(pageSize, limit - results.length);
		if (wanted <= 0) break;
		const { items, total, last } = await fetchPage(page, pageSize, results.length);
		if (items.length === 0) break;
		const fingerprint = JSON.stringify(items);
		if (fingerprint === previous) break;
		previous = fingerprint;
		results.push(...(limit === undefined ? items : items.slice(0, limit - results.length)));
		if (last || items.length < pageSize) break;
		if (total !== undefined && results.length >= total) break;
	}
	return results;
}
