import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { buildProperties, route } from '../common/router';
import { textCampaignResources } from './actions';
import { searchBots, searchCampaigns, searchDynamicCampaigns, searchProjects } from './methods/search';

export class TovieTextCampaign implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tovie Text Campaign',
		name: 'tovieTextCampaign',
		icon: { light: 'file:../../icons/tovie.svg', dark: 'file:../../icons/tovie.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Message clients first in the bot’s channels: events and messages to many clients, campaigns, templates and their results',
		defaults: { name: 'Tovie Text Campaign' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tovieApi', required: true, testedBy: 'tovieApiTest' }],
		properties: buildProperties(textCampaignResources),
	};

	methods = { credentialTest: { tovieApiTest }, listSearch: { searchBots, searchCampaigns, searchDynamicCampaigns, searchProjects } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, textCampaignResources);
	}
}
