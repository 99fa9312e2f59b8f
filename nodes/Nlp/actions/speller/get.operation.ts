import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { parseDictionary } from './common';

export const get: Operation = {
	value: 'get',
	name: 'Get Dictionary',
	action: 'Get speller dictionary',
	description: 'Get the words of the spelling-correction dictionary',
	properties: [
		{
			displayName: 'Output',
			name: 'output',
			type: 'options',
			options: [
				{ name: 'One Item per Word', value: 'entries', description: 'Each word with its number' },
				{
					name: 'One Item with the Dictionary',
					value: 'text',
					description: 'The words and the raw tab-separated text',
				},
			],
			default: 'entries',
			description: 'How the words come out of the node',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const text = String(
			(await itemRequest<string>(this, itemIndex, 'getSpeller', { responseType: 'text' })) ?? '',
		);
		const entries = parseDictionary(text);
		if (this.getNodeParameter('output', itemIndex, 'entries') === 'text')
			return { entries, count: entries.length, text };
		return entries;
	},
};
