import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { textField, textOf } from './common';

export const markup: Operation = {
	value: 'markup',
	name: 'Markup',
	action: 'Mark up phrase',
	description:
		'Split a phrase into words with lemmas and parts of speech, and get the spelling-corrected text (spelling correction must be on in the project settings)',
	properties: [textField, simplifyField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const text = textOf(this, itemIndex);
		const answer = await itemRequest<IDataObject>(this, itemIndex, 'markup', {
			qs: { query: text },
		});
		if (!(this.getNodeParameter('simplify', itemIndex, true) as boolean)) return answer;
		const words = ((answer?.words ?? []) as IDataObject[]).filter((word) => !word.punctuation);
		return {
			text: answer?.source ?? text,
			correctedText: answer?.correctedText ?? text,
			words: words.map((word) => String(word.word ?? word.source ?? '')),
			lemmas: words.map((word) =>
				String((word.annotations as IDataObject | undefined)?.lemma ?? word.word ?? ''),
			),
		};
	},
};
