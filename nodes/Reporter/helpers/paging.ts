import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pageSizeList, type PlatformRequest } from '../../common/requests';
import type { ReporterRoute } from '../api';
import { pagedList } from '../api';

/** A `page`/`size` list of the Reporter API, walked with Return All / Limit. */
export async function reporterList(
	ctx: IExecuteFunctions,
	itemIndex: number,
	route: ReporterRoute,
	listKey: string,
	request: PlatformRequest,
	limit: number | undefined,
): Promise<IDataObject[]> {
	return await pagedList(ctx, itemIndex, route, request, {
		limit,
		...pageSizeList(listKey, `Reporter ${listKey}`),
	});
}
