import type { INodeProperties } from 'n8n-workflow';

export const experimentKeyField: INodeProperties = {
	displayName: 'Experiment Key',
	name: 'experimentKey',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. greeting-test',
	description: 'The key the experiment was created with',
};
