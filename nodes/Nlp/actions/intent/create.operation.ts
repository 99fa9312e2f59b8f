import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { itemRequest } from '../../api';
import { checkedIntentPath } from '../../helpers/locators';
import { createPhrasesField, intentDetailFields, intentDetails, phrasesOf } from './common';

export const create: Operation = {
	acts: true,
	value: 'create',
	name: 'Create',
	action: 'Create intent',
	description: 'Create an intent with its training phrases',
	properties: [
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. /Booking/Table',
			description: 'Where the intent sits in the intent tree; starts with "/"',
		},
		createPhrasesField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			description: 'More about the intent; left out, the platform defaults apply',
			options: intentDetailFields,
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const path = checkedIntentPath(
			this,
			this.getNodeParameter('path', itemIndex, ''),
			itemIndex,
			'Path',
		);
		const phrases = phrasesOf(this, this.getNodeParameter('phrases', itemIndex, []), itemIndex);
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const details = intentDetails(this, fields, itemIndex);
		if (phrases.length === 0 && !(details.patterns as string[] | undefined)?.length) {
			throw invalidInput(
				this,
				itemIndex,
				'Phrases',
				'is empty',
				'Add at least one training phrase (or a pattern).',
			);
		}
		const body = { path, enabled: true, ...details, phrases };
		return await itemRequest<IDataObject>(this, itemIndex, 'createIntent', { body });
	},
};
