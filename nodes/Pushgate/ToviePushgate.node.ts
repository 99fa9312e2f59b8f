import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { buildProperties, route } from '../common/router';
import { pushgateResources } from './actions';

export class ToviePushgate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tovie Pushgate',
		name: 'toviePushgate',
		icon: { light: 'file:../../icons/tovie.svg', dark: 'file:../../icons/tovie.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Fire Tovie Platform (JAICP) bot events through pushbacks created by the bot script',
		defaults: { name: 'Tovie Pushgate' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tovieApi', required: true, testedBy: 'tovieApiTest' }],
		properties: buildProperties(pushgateResources),
	};

	methods = { credentialTest: { tovieApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, pushgateResources);
	}
}
