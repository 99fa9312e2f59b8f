import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { tovieApiTest } from '../common/credentialTest';
import { actionNodeDescription, TOVIE_ICON } from '../common/node';
import { route } from '../common/router';
import { reporterResources } from './actions';
import { listSearch, loadOptions } from './methods/search';

const base = actionNodeDescription({
	displayName: 'Tovie Reporter',
	name: 'tovieReporter',
	description:
		'Read Tovie Platform (JAICP) project analytics, label sessions and messages, run A/B experiments and export reports',
	resources: reporterResources,
});

export class TovieReporter implements INodeType {
	description: INodeTypeDescription = {
		...base,
		icon: TOVIE_ICON,
		subtitle: base.subtitle,
		usableAsTool: true,
	};

	methods = { credentialTest: { tovieApiTest }, listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route.call(this, reporterResources);
	}
}
