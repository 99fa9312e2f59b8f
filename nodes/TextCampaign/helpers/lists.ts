import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { offsetLimitList, pageSizeList } from '../../common/requests';
import { pagedList } from '../api';

/** The text campaigns of a project, with Return All / Limit. */
export async function listCampaigns(
	ctx: IExecuteFunctions,
	itemIndex: number,
	projectShortName: string,
	qs: IDataObject,
	limit: number | undefined,
): Promise<IDataObject[]> {
	return await pagedList(
		ctx,
		itemIndex,
		'listCampaigns',
		{ pathParams: { projectShortName }, qs },
		{ limit, ...pageSizeList('textCampaigns', 'text campaigns') },
	);
}

/** Sendings (`offset`/`limit`, `{sendings, totalCount}`), with Return All / Limit. */
export async function listSendings(
	ctx: IExecuteFunctions,
	itemIndex: number,
	qs: IDataObject,
	limit: number | undefined,
): Promise<IDataObject[]> {
	return await pagedList(
		ctx,
		itemIndex,
		'listSendings',
		{ qs },
		{ limit, ...offsetLimitList('sendings', 'sendings') },
	);
}
