import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput, optionalString } from '../../../common/validate';
import { nlpItemRequest } from '../../api';
import { textOf } from '../../helpers/text';

export const inflect: Operation = {
	value: 'inflect',
	name: 'Inflect',
	action: 'Inflect a word',
	description: 'Put a word in the form given by grammatical tags (pymorphy2 grammemes, Russian)',
	properties: [
		{ displayName: 'Word', name: 'text', type: 'string', required: true, default: '', placeholder: 'e.g. яблоко' },
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. plur, gent',
			description: 'Grammemes separated by commas',
		},
		{
			displayName: 'Dictionary',
			name: 'dict',
			type: 'string',
			default: '',
			description: 'The pymorphy dictionary version; empty means the platform default',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const text = textOf(this, itemIndex, 'text', 'Word');
		const tags = String(this.getNodeParameter('tags', itemIndex, '') ?? '')
			.split(',')
			.map((tag) => tag.trim())
			.filter(Boolean);
		if (tags.length === 0) throw invalidInput(this, itemIndex, 'Tags', 'is empty', 'Enter grammemes such as plur, gent.');
		const dict = optionalString(this, 'dict', itemIndex);
		const result = await nlpItemRequest<string>(this, itemIndex, 'inflect', {
			qs: { text, tags, dict },
			responseType: 'text',
		});
		return { text, tags, result: String(result ?? '') };
	},
};
