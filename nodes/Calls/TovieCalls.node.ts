import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { actionNodeDescription, TOVIE_ICON } from '../common/node';
import { route } from '../common/router';
import { callsResources } from './actions';
import { loadOptions } from './methods/loadOptions';

const base = actionNodeDescription({
	displayName: 'Tovie Calls',
	name: 'tovieCalls',
	description:
		'Load numbers into Tovie Platform (JAICP) outbound call campaigns, read call reports and control campaigns',
	resources: callsResources,
});

export class TovieCalls implements INodeType {
	description: INodeTypeDescription = {
		...base,
		icon: TOVIE_ICON,
		subtitle: base.subtitle,
		usableAsTool: true,
	};

	methods = { credentialTest: { tovieApiTest }, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, callsResources);
	}
}
