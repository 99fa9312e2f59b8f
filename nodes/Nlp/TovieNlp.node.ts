import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { buildProperties, route } from '../common/router';
import { nlpResources } from './actions';
import { searchEntities, searchIntents } from './methods';

export class TovieNlp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tovie NLP',
		name: 'tovieNlp',
		icon: { light: 'file:../../icons/tovie.svg', dark: 'file:../../icons/tovie.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Classify phrases and manage intents, entities and training of a Tovie Platform (JAICP) NLU project through the NLP Direct API',
		defaults: { name: 'Tovie NLP' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tovieApi', required: true, testedBy: 'tovieApiTest' }],
		properties: buildProperties(nlpResources),
	};

	methods = {
		credentialTest: { tovieApiTest },
		listSearch: { searchIntents, searchEntities },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, nlpResources);
	}
}
