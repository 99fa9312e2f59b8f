import type { IExecuteFunctions, INodeExecutionData, INodeType } from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { actionNodeDescription } from '../common/node';
import { route } from '../common/router';
import { pushgateResources } from './actions';

export class ToviePushgate implements INodeType {
	description = actionNodeDescription({
		displayName: 'Tovie Pushgate',
		name: 'toviePushgate',
		description: 'Fire bot events through pushbacks the bot script created (Tovie Platform, JAICP)',
		resources: pushgateResources,
	});

	methods = { credentialTest: { tovieApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, pushgateResources);
	}
}
