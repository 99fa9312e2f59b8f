import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { actionNodeDescription, TOVIE_ICON } from '../common/node';
import { route } from '../common/router';
import { nlpResources } from './actions';
import { searchEntities, searchIntents, searchRecords } from './methods/search';

const base = actionNodeDescription({
	displayName: 'Tovie NLP',
	name: 'tovieNlp',
	description:
		'Classify phrases and manage intents, entities and training of a Tovie Platform (JAICP) NLU project through the NLP Direct API',
	resources: nlpResources,
});

export class TovieNlp implements INodeType {
	description: INodeTypeDescription = {
		...base,
		icon: TOVIE_ICON,
		subtitle: base.subtitle,
		usableAsTool: true,
	};

	methods = {
		credentialTest: { tovieApiTest },
		listSearch: { searchIntents, searchEntities, searchRecords },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, nlpResources);
	}
}
