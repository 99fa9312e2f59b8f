import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { pageSizeList } from '../../common/requests';
import { pagedList } from '../api';

/** The bot projects the token can see, with Return All / Limit. */
export async function listProjects(
	ctx: IExecuteFunctions,
	itemIndex: number,
	qs: IDataObject,
	limit: number | undefined,
): Promise<IDataObject[]> {
	return await pagedList(
		ctx,
		itemIndex,
		'listProjects',
		{ qs },
		{ limit, ...pageSizeList('projects', 'projects') },
	);
}
