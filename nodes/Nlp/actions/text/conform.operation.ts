import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { nlpItemRequest } from '../../api';
import { textOf } from '../../helpers/text';

export const conform: Operation = {
	value: 'conform',
	name: 'Conform',
	action: 'Conform a word to a number',
	description: 'Put a word in the form that agrees with a number, e.g. "5 apples" (Russian morphology)',
	properties: [
		{ displayName: 'Word', name: 'text', type: 'string', required: true, default: '', placeholder: 'e.g. яблоко' },
		{ displayName: 'Number', name: 'number', type: 'number', required: true, default: 1 },
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const text = textOf(this, itemIndex, 'text', 'Word');
		const number = this.getNodeParameter('number', itemIndex) as number;
		if (!Number.isInteger(number)) throw invalidInput(this, itemIndex, 'Number', `must be a whole number, not ${number}`);
		const result = await nlpItemRequest<string>(this, itemIndex, 'conform', {
			qs: { text, number },
			responseType: 'text',
		});
		return { text, number, result: String(result ?? '') };
	},
};
