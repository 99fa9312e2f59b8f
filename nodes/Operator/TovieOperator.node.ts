import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { actionNodeDescription, TOVIE_ICON } from '../common/node';
import { route } from '../common/router';
import { operatorResources } from './actions';

const base = actionNodeDescription({
	displayName: 'Tovie Operator',
	name: 'tovieOperator',
	description:
		'Answer clients the bot handed over to a live agent (Tovie Platform, JAICP): send texts and files, close the chat',
	resources: operatorResources,
});

export class TovieOperator implements INodeType {
	description: INodeTypeDescription = {
		...base,
		icon: TOVIE_ICON,
		subtitle: base.subtitle,
		usableAsTool: true,
	};

	methods = { credentialTest: { tovieApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, operatorResources);
	}
}
