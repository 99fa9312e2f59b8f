import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { limitOf } from '../../../common/fields';
import { listFields } from '../../../common/projects';
import type { Operation } from '../../../common/router';
import { listOf } from '../../../common/validate';
import { platformDateOf } from '../../helpers/dates';
import { listCampaigns } from '../../helpers/lists';
import { projectShortNameOf } from '../../helpers/locators';
import { campaignOut } from './common';

const STATUSES = [
	'COMPLETED',
	'CREATED',
	'DELETED',
	'FAILED',
	'POSTPONED',
	'READY',
	'STARTED',
	'STOPPED',
];
const title = (status: string) => status.charAt(0) + status.slice(1).toLowerCase();

/** Date filters: field name, label, query parameter. */
const DATE_FILTERS: Array<[name: string, label: string, query: string]> = [
	['createdAfter', 'Created After', 'creationTimeFrom'],
	['createdBefore', 'Created Before', 'creationTimeTo'],
	['startedAfter', 'Started After', 'startTimeFrom'],
	['startedBefore', 'Started Before', 'startTimeTo'],
	['stoppedAfter', 'Stopped After', 'stopTimeFrom'],
	['stoppedBefore', 'Stopped Before', 'stopTimeTo'],
];

const filters: INodeProperties[] = [
	{
		displayName: 'Channel Names or IDs',
		name: 'botIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getBots' },
		default: [],
		description:
			'Only campaigns of these channels (bot IDs, shown on the Channels page under the channel name). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	...DATE_FILTERS.map(
		([name, displayName]): INodeProperties => ({
			displayName,
			name,
			type: 'dateTime',
			default: '',
			description: `Only campaigns ${displayName.toLowerCase()} this time`,
		}),
	),
	{
		displayName: 'Dynamic Only',
		name: 'isDynamic',
		type: 'boolean',
		default: true,
		description:
			'Whether to list only dynamic campaigns (those that take messages from n8n); off lists every campaign',
	},
	{
		displayName: 'Name',
		name: 'textCampaignName',
		type: 'string',
		default: '',
		description: 'Only campaigns with this name',
	},
	{
		displayName: 'Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: STATUSES.map((value) => ({ name: title(value), value })),
		default: [],
		description: 'Only campaigns in these states',
	},
];

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many text campaigns',
	description: 'List the text campaigns of the project, filtered by name, channel, status or dates',
	properties: listFields({ what: 'campaigns', filters }),
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (String(filters.textCampaignName ?? '').trim())
			qs.textCampaignName = String(filters.textCampaignName).trim();
		const botIds = listOf(this, itemIndex, filters.botIds, 'Filters Channel Names or IDs');
		if (botIds.length) qs.botIds = botIds;
		if (Array.isArray(filters.statuses) && filters.statuses.length) qs.statuses = filters.statuses;
		// The spec defines only `true` ("show only dynamic campaigns if true"): off lists them all.
		if (filters.isDynamic === true) qs.isDynamic = true;
		// As the platform reads date-times: zone-less, in the platform zone (helpers/dates.ts).
		for (const [name, label, query] of DATE_FILTERS) {
			const at = await platformDateOf(this, filters[name], itemIndex, `Filters ${label}`);
			if (at !== undefined) qs[query] = at;
		}
		const projectShortName = await projectShortNameOf(this, itemIndex);
		const campaigns = await listCampaigns(
			this,
			itemIndex,
			projectShortName,
			qs,
			limitOf(this, itemIndex),
		);
		return campaigns.map((campaign) => campaignOut(this, itemIndex, campaign));
	},
};
