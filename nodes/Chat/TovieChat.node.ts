import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { actionNodeDescription, TOVIE_ICON } from '../common/node';
import { route } from '../common/router';
import { chatResources } from './actions';
import { listSearch } from './methods/search';

const base = actionNodeDescription({
	displayName: 'Tovie Chat',
	name: 'tovieChat',
	description:
		'Send messages to your Tovie Platform (JAICP) bot as a client, and read its answers and chat history',
	resources: chatResources,
});

export class TovieChat implements INodeType {
	description: INodeTypeDescription = {
		...base,
		icon: TOVIE_ICON,
		subtitle: base.subtitle,
		usableAsTool: true,
	};

	methods = { credentialTest: { tovieApiTest }, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, chatResources);
	}
}
