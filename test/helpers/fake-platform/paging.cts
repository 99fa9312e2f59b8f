/**
 * The page-size switch of the fake lists whose spec sets no maximum (Text campaign, Project,
 * Reporter, NLP): what a server does with a large page is an open reading (issue 21). Default:
 * any size is honoured; with `maxPageSize`, a larger one is refused with 400, or with
 * `clampPageSize` served at that size without a word (the list's `paging.pageSize` says it).
 */
export interface PageSizeSwitch {
	maxPageSize?: number;
	clampPageSize?: boolean;
}

/** The page size served for the one asked, or undefined for a 400. */
export function servedSize(size: number, { maxPageSize, clampPageSize }: PageSizeSwitch) {
	if (maxPageSize === undefined || size <= maxPageSize) return size;
	return clampPageSize ? maxPageSize : undefined;
}
