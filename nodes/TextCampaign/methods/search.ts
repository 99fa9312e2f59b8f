import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchResult,
	INodePropertyOptions,
} from 'n8n-workflow';

import { currentProjectShortName, searchBots } from '../../common/search';
import { outputDate } from '../../common/dates';
import { listUpTo, offsetLimitList, pageSizeList } from '../../common/requests';
import { request } from '../api';

export { searchBots, searchProjects } from '../../common/search';

/** Items a picker shows at most, asked in one page where the server allows (docs/platform-assumptions.md). */
const PICKER_SIZE = 1000;

async function campaigns(
	ctx: ILoadOptionsFunctions,
	filter: string | undefined,
	dynamicOnly: boolean,
): Promise<IDataObject[]> {
	const shortName = await currentProjectShortName(ctx);
	if (!shortName) return [];
	const qs: IDataObject = {};
	if (filter?.trim()) qs.textCampaignName = filter.trim();
	if (dynamicOnly) qs.isDynamic = true;
	const found = await listUpTo(
		ctx,
		async (paging) =>
			await request(ctx, 'listCampaigns', {
				pathParams: { projectShortName: shortName },
				qs: { ...qs, ...paging },
			}),
		pageSizeList('textCampaigns', 'text campaigns'),
		PICKER_SIZE,
	);
	const needle = (filter ?? '').trim().toLowerCase();
	return found
		.filter((campaign) => !needle || String(campaign.name).toLowerCase().includes(needle))
		.filter(
			(campaign) => !['COMPLETED', 'DELETED'].includes(String(campaign.status)) || !dynamicOnly,
		);
}

const campaignItem = (campaign: IDataObject) => ({
	name: `${String(campaign.name)} (${String(campaign.status).toLowerCase()})`,
	value: String(campaign.id),
});
const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

/** Campaigns of the project (value: the ID), by name. */
export async function searchCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	return { results: (await campaigns(this, filter, false)).map(campaignItem).sort(byName) };
}

/** Dynamic campaigns that can still take sends (value: the name, what the send calls take). */
export async function searchDynamicCampaigns(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const list = await campaigns(this, filter, true);
	return {
		results: list
			.map((campaign) => ({ name: String(campaign.name), value: String(campaign.name) }))
			.sort(byName),
	};
}

/** The latest sendings (value: the sending ID), newest first: client, status and time. */
export async function searchSendings(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const found = await listUpTo(
		this,
		async (qs) => await request(this, 'listSendings', { qs }),
		offsetLimitList('sendings', 'sendings'),
		PICKER_SIZE,
	);
	const needle = (filter ?? '').trim().toLowerCase();
	const sendings = found.sort((a, b) =>
		String(b.sendingTime ?? '').localeCompare(String(a.sendingTime ?? '')),
	);
	const results = sendings
		.map((sending) => {
			const what = sending.event ? `event ${String(sending.event)}` : 'message';
			const when = sending.sendingTime ? `, ${String(outputDate(sending.sendingTime, 'UTC'))}` : '';
			return {
				name: `Client ${String(sending.clientId)}: ${what}, ${String(sending.status).toLowerCase()}${when}`,
				value: String(sending.id),
			};
		})
		.filter((item) => !needle || `${item.name} ${item.value}`.toLowerCase().includes(needle));
	return { results };
}

/** Filter values: the campaigns of the project (value: the ID). */
export async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await campaigns(this, undefined, false)).map(campaignItem).sort(byName);
}

/** Filter values: the channels of the project (value: the bot ID). */
export async function getBots(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await searchBots.call(this)).results.map(({ name, value }) => ({
		name,
		value: String(value),
	}));
}
