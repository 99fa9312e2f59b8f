import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { nlpItemRequest } from '../../api';
import { textField, textOf } from '../../helpers/text';

export const detectLanguage: Operation = {
	value: 'detectLanguage',
	name: 'Detect Language',
	action: 'Detect the language of a text',
	description: 'Get the language code of a text',
	properties: [textField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const text = textOf(this, itemIndex);
		const answer = await nlpItemRequest<unknown[]>(this, itemIndex, 'detectLanguage', { body: { documents: [text] } });
		return { text, language: Array.isArray(answer) && answer.length ? String(answer[0]) : null };
	},
};
