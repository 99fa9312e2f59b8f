import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { fileItem, outputBinaryField } from '../../helpers/binary';

export const exportProject: Operation = {
	value: 'export',
	name: 'Export',
	action: 'Export project',
	description: 'Get the whole NLU project: settings, intents with phrases, entities with records',
	properties: [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{
					name: 'Binary File',
					value: 'binary',
					description: 'One item with the project as a JSON file',
				},
				{ name: 'JSON', value: 'json', description: 'One item holding the project' },
			],
			default: 'json',
			description: 'How the project comes out of the node',
		},
		{ ...outputBinaryField, displayOptions: { show: { output: ['binary'] } } },
		{
			displayName: 'File Name',
			name: 'fileName',
			type: 'string',
			default: 'nlu-project.json',
			description: 'The name of the output file',
			displayOptions: { show: { output: ['binary'] } },
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const project = await itemRequest<IDataObject>(this, itemIndex, 'exportProject');
		if (this.getNodeParameter('output', itemIndex, 'json') !== 'binary') return project;
		const fileName =
			String(this.getNodeParameter('fileName', itemIndex, '')).trim() || 'nlu-project.json';
		const data = Buffer.from(JSON.stringify(project, null, 2), 'utf8');
		const summary = {
			intents: ((project.intents ?? []) as unknown[]).length,
			entities: ((project.entities ?? []) as unknown[]).length,
		};
		return await fileItem(this, itemIndex, data, fileName, 'application/json', summary);
	},
};
