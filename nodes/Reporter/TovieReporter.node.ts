import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { buildProperties, route } from '../common/router';
import { reporterResources } from './actions';
import { listSearch, loadOptions } from './methods/search';

export class TovieReporter implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tovie Reporter',
		name: 'tovieReporter',
		icon: { light: 'file:../../icons/tovie.svg', dark: 'file:../../icons/tovie.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Read Tovie Platform (JAICP) project analytics, label sessions and messages, run A/B experiments and export reports',
		defaults: { name: 'Tovie Reporter' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'tovieApi', required: true, testedBy: 'tovieApiTest' }],
		properties: buildProperties(reporterResources),
	};

	methods = { credentialTest: { tovieApiTest }, listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, reporterResources);
	}
}
