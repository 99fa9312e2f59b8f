import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { actionNodeDescription, TOVIE_ICON } from '../common/node';
import { route } from '../common/router';
import { textCampaignResources } from './actions';
import {
	getBots,
	getCampaigns,
	searchBots,
	searchCampaigns,
	searchDynamicCampaigns,
	searchProjects,
	searchSendings,
} from './methods/search';

const base = actionNodeDescription({
	displayName: 'Tovie Text Campaign',
	name: 'tovieTextCampaign',
	description:
		'Message clients first in the bot’s channels: events and messages to many clients, campaigns, templates and their results',
	resources: textCampaignResources,
});

export class TovieTextCampaign implements INodeType {
	description: INodeTypeDescription = {
		...base,
		icon: TOVIE_ICON,
		subtitle: base.subtitle,
		usableAsTool: true,
	};

	methods = {
		credentialTest: { tovieApiTest },
		listSearch: {
			searchBots,
			searchCampaigns,
			searchDynamicCampaigns,
			searchProjects,
			searchSendings,
		},
		loadOptions: { getBots, getCampaigns },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, textCampaignResources);
	}
}
