import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput, optionalString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { textOf } from './common';

export const inflect: Operation = {
	value: 'inflect',
	name: 'Change Word Form',
	action: 'Change word form',
	description:
		'Put a word in the form given by grammatical tags such as plural or genitive (Russian words only)',
	properties: [
		{
			displayName: 'Word',
			name: 'text',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. яблоко',
			description: 'The word to change (Russian)',
		},
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. plur, gent',
			description:
				'Grammatical tags separated by commas, e.g. plur (plural), gent (genitive), femn (feminine)',
		},
		{
			displayName: 'Dictionary Version',
			name: 'dict',
			type: 'string',
			default: '',
			description: 'Which version of the word dictionary to use; empty means the platform default',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const text = textOf(this, itemIndex, 'text', 'Word');
		const tags = String(this.getNodeParameter('tags', itemIndex, '') ?? '')
			.split(',')
			.map((tag) => tag.trim())
			.filter(Boolean);
		if (tags.length === 0)
			throw invalidInput(
				this,
				itemIndex,
				'Tags',
				'is empty',
				'Enter grammemes such as plur, gent.',
			);
		const dict = optionalString(this, 'dict', itemIndex);
		const result = await itemRequest<string>(this, itemIndex, 'inflect', {
			qs: { text, tags, dict },
			responseType: 'text',
		});
		return { text, tags, result: String(result ?? '') };
	},
};
