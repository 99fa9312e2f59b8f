import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { buildProperties, route } from '../common/router';
import { operatorResources } from './actions';

export class TovieOperator implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tovie Operator',
		name: 'tovieOperator',
		icon: { light: 'file:../../icons/tovie.svg', dark: 'file:../../icons/tovie.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Answer Tovie Platform (JAICP) clients as a live agent through the Operator API',
		defaults: { name: 'Tovie Operator' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tovieApi', required: true, testedBy: 'tovieApiTest' }],
		properties: buildProperties(operatorResources),
	};

	methods = { credentialTest: { tovieApiTest } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, operatorResources);
	}
}
