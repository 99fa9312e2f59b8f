import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';

export interface Page<T> {
	items: T[];
	/** Total number of items, when the API says it (`paging.totalCount`, `totalCount`). */
	total?: number;
	/** The page size the server says it used (`paging.pageSize`), when it says one. */
	size?: number;
	/** True when the API says this is the last page. */
	last?: boolean;
}

export interface PaginateOptions {
	/** Stop after this many items; `undefined` means all ("Return All"). */
	limit?: number;
	/** The largest page asked for. */
	pageSize: number;
	/** Pages addressed by number (`page` × size, the default) or by `offset`. */
	by?: 'page' | 'offset';
	/** The list as errors name it ("text campaigns"), and the node they are raised for. */
	list: string;
	node: INode;
	/** More pages than this (the API's own last page, or a guard against one that never ends) fail. */
	maxPages?: number;
}

/**
 * The error of a list the platform served short of what it counts: names the list, the counts
 * and why, so that no caller returns part of a list as if it were all of it.
 */
export function incompleteList(
	node: INode,
	info: { list: string; received: number; total?: number; reason: string; description: string },
): NodeApiError {
	const { list, received, total, reason, description } = info;
	return new NodeApiError(node, { list, received, total: total ?? null, reason } as JsonObject, {
		message: `The ${list} came back incomplete: ${reason}`,
		description: `${description} The node returns no partial list; run it again, or narrow the list with filters.`,
	});
}

/**
 * Walks any page-numbered or offset list up to the limit, never returning less than the list
 * holds without saying so:
 * - a server that answers a smaller page than asked (`size`, or fewer items) is taken at its
 *   word: the next page is asked from where it got to, at that size;
 * - with a total, the walk ends at the total, and an empty or repeated page before it fails;
 * - without a total, a page shorter than the answered size (else the asked one), an empty one or
 *   a repeat of the previous one (a server ignoring the paging) ends the list: nothing else can
 *   tell the end from a clamped page.
 * `fetchPage(page, size, offset)` returns one page; `page` is `offset / size` for `by: 'page'`.
 */
export async function paginate<T>(
	fetchPage: (page: number, size: number, offset: number) => Promise<Page<T>>,
	{ limit, pageSize, by = 'page', list, node, maxPages = 10_000 }: PaginateOptions,
): Promise<T[]> {
	const results: T[] = [];
	let size = limit === undefined ? pageSize : Math.max(1, Math.min(pageSize, limit));
	let total: number | undefined;
	let previous: string | undefined;
	const fail = (reason: string, description: string) =>
		incompleteList(node, { list, received: results.length, total, reason, description });
	for (let pages = 0; limit === undefined || results.length < limit; pages++) {
		const offset = results.length;
		if (pages >= maxPages)
			throw fail(
				`more than ${maxPages} pages (${offset} items read)`,
				`The API serves at most ${maxPages} pages of ${size}.`,
			);
		if (by === 'page' && offset % size !== 0)
			throw fail(
				`a page of ${size} ended after ${offset} of ${total ?? 'an unknown number of'} items`,
				'Pages of uneven size cannot be followed by page number.',
			);
		const answer = await fetchPage(Math.floor(offset / size), size, offset);
		const { items } = answer;
		if (answer.total !== undefined) total = answer.total;
		const missing = total !== undefined && offset < total;
		const fingerprint = JSON.stringify(items);
		if (items.length === 0 || fingerprint === previous) {
			if (!missing) break;
			throw fail(
				`${offset} of ${total} items, then ${items.length ? 'the same page again' : 'an empty page'}`,
				`The platform counts ${total} ${list} but stopped serving them at ${offset}.`,
			);
		}
		previous = fingerprint;
		results.push(...(limit === undefined ? items : items.slice(0, limit - offset)));
		if (answer.last || (total !== undefined && results.length >= total)) break;
		// A server that clamps: follow the size it answered, or the one it served.
		const served = Math.min(answer.size ?? size, size);
		if (items.length < served && !missing) break;
		size = Math.min(served, items.length);
	}
	return results;
}
