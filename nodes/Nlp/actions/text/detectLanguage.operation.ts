import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { textField, textOf } from './common';

export const detectLanguage: Operation = {
	value: 'detectLanguage',
	name: 'Detect Language',
	action: 'Detect language',
	description: 'Get the language code of a text',
	properties: [textField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const text = textOf(this, itemIndex);
		const answer = await itemRequest<unknown[]>(this, itemIndex, 'detectLanguage', {
			body: { documents: [text] },
		});
		return { text, language: Array.isArray(answer) && answer.length ? String(answer[0]) : null };
	},
};
