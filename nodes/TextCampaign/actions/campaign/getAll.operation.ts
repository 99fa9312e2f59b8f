import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { readDateMs } from '../../../common/dates';
import { limitField, limitOf, returnAllField, simplifyField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { pagedList } from '../../api';
import { projectOption, projectShortNameOf } from '../../helpers/fields';
import { campaignOut } from './common';

const STATUSES = ['COMPLETED', 'CREATED', 'DELETED', 'FAILED', 'POSTPONED', 'READY', 'STARTED', 'STOPPED'];
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

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many text campaigns',
	description: 'List the text campaigns of the project, filtered by name, channel, status or dates',
	properties: [
		returnAllField,
		limitField,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: ([
				{
					displayName: 'Bot IDs',
					name: 'botIds',
					type: 'string',
					default: '',
					placeholder: 'e.g. 263-acme-263-Wnu-49199, 263-acme-263-Wnu-49200',
					description: 'Only campaigns of these channels, by bot ID (comma-separated; shown on the Channels page)',
				},
				...DATE_FILTERS.map(([name, displayName]) => ({
					displayName,
					name,
					type: 'dateTime' as const,
					default: '',
					description: `Only campaigns ${displayName.toLowerCase()} this time`,
				})),
				{ displayName: 'Dynamic Only', name: 'isDynamic', type: 'boolean', default: true, description: 'Whether to list only dynamic campaigns (those that take messages from n8n)' },
				{ displayName: 'Name', name: 'textCampaignName', type: 'string', default: '', description: 'Only campaigns with this name' },
				{
					displayName: 'Statuses',
					name: 'statuses',
					type: 'multiOptions',
					options: STATUSES.map((value) => ({ name: title(value), value })),
					default: [],
					description: 'Only campaigns in these states',
				},
			] as INodeProperties[]).sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
		{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add option', default: {}, options: [projectOption] },
		simplifyField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const qs: IDataObject = {};
		if (String(filters.textCampaignName ?? '').trim()) qs.textCampaignName = String(filters.textCampaignName).trim();
		const botIds = String(filters.botIds ?? '').split(',').map((id) => id.trim()).filter(Boolean);
		if (botIds.length) qs.botIds = botIds;
		if (Array.isArray(filters.statuses) && filters.statuses.length) qs.statuses = filters.statuses;
		if (typeof filters.isDynamic === 'boolean') qs.isDynamic = filters.isDynamic;
		for (const [name, label, query] of DATE_FILTERS) {
			const ms = readDateMs(this, filters[name], itemIndex, `Filters ${label}`);
			if (ms !== undefined) qs[query] = new Date(ms).toISOString();
		}
		const projectShortName = await projectShortNameOf(this, itemIndex);
		const campaigns = await pagedList(
			this,
			itemIndex,
			'listCampaigns',
			{ pathParams: { projectShortName }, qs },
			limitOf(this, itemIndex),
			(page, size) => ({ page, size }),
			(answer) => {
				const paging = (answer.paging ?? {}) as IDataObject;
				return { items: (answer.textCampaigns ?? []) as IDataObject[], total: typeof paging.totalCount === 'number' ? paging.totalCount : undefined };
			},
		);
		return campaigns.map((campaign) => campaignOut(this, itemIndex, campaign));
	},
};
