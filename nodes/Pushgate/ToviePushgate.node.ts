import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { actionNodeDescription, TOVIE_ICON } from '../common/node';
import { route } from '../common/router';
import { pushgateResources } from './actions';

const base = actionNodeDescription({
	displayName: 'Tovie Pushgate',
	name: 'toviePushgate',
	description: 'Fire bot events through pushbacks the bot script created (Tovie Platform, JAICP)',
	resources: pushgateResources,
});

export class ToviePushgate implements INodeType {
	description: INodeTypeDescription = {
		...base,
		icon: TOVIE_ICON,
		subtitle: base.subtitle,
		usableAsTool: true,
	};

	methods = { credentialTest: { tovieApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, pushgateResources);
	}
}
