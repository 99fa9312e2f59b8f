import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { itemRequest } from '../../api';
import { textOf } from './common';

export const conform: Operation = {
	value: 'conform',
	name: 'Agree With Number',
	action: 'Agree word with number',
	description:
		'Put a word in the form that goes with a number, e.g. "5 apples" (Russian words only)',
	properties: [
		{
			displayName: 'Word',
			name: 'text',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. яблоко',
			description: 'The word to put in the right form (Russian)',
		},
		{
			displayName: 'Number',
			name: 'number',
			type: 'number',
			required: true,
			default: 1,
			description: 'The whole number the word goes with',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const text = textOf(this, itemIndex, 'text', 'Word');
		const number = this.getNodeParameter('number', itemIndex) as number;
		if (!Number.isInteger(number))
			throw invalidInput(this, itemIndex, 'Number', `must be a whole number, not ${number}`);
		const result = await itemRequest<string>(this, itemIndex, 'conform', {
			qs: { text, number },
			responseType: 'text',
		});
		return { text, number, result: String(result ?? '') };
	},
};
