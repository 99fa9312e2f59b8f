import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { actionNodeDescription, TOVIE_ICON } from '../common/node';
import { route } from '../common/router';
import { searchChannels, searchProjects } from '../common/search';
import { projectResources } from './actions';

const base = actionNodeDescription({
	displayName: 'Tovie Project',
	name: 'tovieProject',
	description:
		'Create, clone and set up bot projects and channels, and deploy the bot after a change',
	resources: projectResources,
});

export class TovieProject implements INodeType {
	description: INodeTypeDescription = {
		...base,
		icon: TOVIE_ICON,
		subtitle: base.subtitle,
		usableAsTool: true,
	};

	methods = { credentialTest: { tovieApiTest }, listSearch: { searchProjects, searchChannels } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, projectResources);
	}
}
