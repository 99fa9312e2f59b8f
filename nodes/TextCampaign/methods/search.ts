import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { currentProjectShortName } from '../../common/search';
import { textCampaignRequest } from '../api';

export { searchBots, searchProjects } from '../../common/search';

async function campaigns(ctx: ILoadOptionsFunctions, filter: string | undefined, dynamicOnly: boolean): Promise<IDataObject[]> {
	const shortName = await currentProjectShortName(ctx);
	if (!shortName) return [];
	const qs: IDataObject = { page: 0, size: 1000 };
	if (filter?.trim()) qs.textCampaignName = filter.trim();
	if (dynamicOnly) qs.isDynamic = true;
	const answer = await textCampaignRequest(ctx, 'listCampaigns', { pathParams: { projectShortName: shortName }, qs });
	const needle = (filter ?? '').trim().toLowerCase();
	return ((answer.textCampaigns ?? []) as IDataObject[])
		.filter((campaign) => !needle || String(campaign.name).toLowerCase().includes(needle))
		.filter((campaign) => !['COMPLETED', 'DELETED'].includes(String(campaign.status)) || !dynamicOnly);
}

/** Campaigns of the project (value: the ID), newest names first by name order. */
export async function searchCampaigns(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const list = await campaigns(this, filter, false);
	return {
		results: list
			.map((campaign) => ({ name: `${String(campaign.name)} (${String(campaign.status).toLowerCase()})`, value: String(campaign.id) }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}

/** Dynamic campaigns that can still take sends (value: the name, what the send calls take). */
export async function searchDynamicCampaigns(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const list = await campaigns(this, filter, true);
	return { results: list.map((campaign) => ({ name: String(campaign.name), value: String(campaign.name) })).sort((a, b) => a.name.localeCompare(b.name)) };
}
