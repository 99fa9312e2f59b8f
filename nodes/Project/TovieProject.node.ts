import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { buildProperties, route } from '../common/router';
import { projectResources } from './actions';
import { searchChannels, searchProjects } from '../common/search';

export class TovieProject implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tovie Project',
		name: 'tovieProject',
		icon: { light: 'file:../../icons/tovie.svg', dark: 'file:../../icons/tovie.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, clone and set up bot projects and channels, and deploy the bot after a change',
		defaults: { name: 'Tovie Project' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tovieApi', required: true, testedBy: 'tovieApiTest' }],
		properties: buildProperties(projectResources),
	};

	methods = { credentialTest: { tovieApiTest }, listSearch: { searchProjects, searchChannels } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, projectResources);
	}
}
