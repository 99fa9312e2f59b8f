import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { settingsCollection } from '../../../common/fields';

import type { Operation } from '../../../common/router';
import { invalidInput } from '../../../common/validate';
import { itemRequest } from '../../api';

import { checkedIntentPath, intentIdOf, intentLocator } from '../../helpers/locators';
import { intentDetailFields, intentDetails, phrasesOf, updatePhrasesField } from './common';

export const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update intent',
	description:
		'Change the path, phrases, answer or settings of an intent; fields left out stay as they are',
	properties: [
		intentLocator,
		{
			displayName: 'Phrase Changes',
			name: 'phraseMode',
			type: 'options',
			options: [
				{
					name: 'Add Phrases',
					value: 'add',
					description: 'Add the phrases below that the intent does not have yet',
				},
				{ name: 'Keep Phrases', value: 'keep', description: 'Leave the phrases as they are' },
				{
					name: 'Remove Phrases',
					value: 'remove',
					description: 'Remove the phrases below from the intent',
				},
				{
					name: 'Replace Phrases',
					value: 'replace',
					description: 'The phrases below become the only phrases',
				},
			],
			default: 'keep',
			description: 'What to do with the training phrases of the intent',
		},
		{ ...updatePhrasesField, displayOptions: { hide: { phraseMode: ['keep'] } } },
		settingsCollection('update', 'intent', [
			...intentDetailFields,
			{
				displayName: 'New Path',
				name: 'path',
				type: 'string',
				default: '',
				placeholder: 'e.g. /Booking/Table',
				description: 'Move or rename the intent (its child intents follow)',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const mode = this.getNodeParameter('phraseMode', itemIndex, 'keep') as string;
		const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const details = intentDetails(this, fields, itemIndex);
		if (fields.path !== undefined)
			details.path = checkedIntentPath(this, fields.path, itemIndex, 'New Path');
		const given =
			mode === 'keep'
				? []
				: phrasesOf(this, this.getNodeParameter('phrases', itemIndex, []), itemIndex);
		if (mode !== 'keep' && mode !== 'replace' && given.length === 0) {
			throw invalidInput(
				this,
				itemIndex,
				'Phrases',
				'is empty',
				'Add the phrases to add or remove, or choose Keep Phrases.',
			);
		}
		if (mode === 'keep' && Object.keys(details).length === 0) {
			throw invalidInput(this, itemIndex, 'Update Fields', 'is empty', 'Choose what to change.');
		}

		const intentId = await intentIdOf(this, itemIndex);
		// The API has no partial update: read the intent, change it, write it back whole.
		const current = await itemRequest<IDataObject>(this, itemIndex, 'getIntent', {
			pathParams: { intentId },
		});
		const existing = ((current.phrases ?? []) as IDataObject[]).filter(
			(phrase) => phrase && phrase.text,
		);
		const key = (phrase: IDataObject) => String(phrase.text).trim().toLowerCase();
		let phrases = existing;
		if (mode === 'replace') phrases = given;
		if (mode === 'add') {
			const known = new Set(existing.map(key));
			phrases = [
				...existing,
				...given.filter((phrase) => !known.has(key(phrase)) && known.add(key(phrase))),
			];
		}
		if (mode === 'remove') {
			const drop = new Set(given.map(key));
			phrases = existing.filter((phrase) => !drop.has(key(phrase)));
		}
		const body = { ...current, ...details, id: intentId, phrases };
		const answer = await itemRequest<IDataObject>(this, itemIndex, 'updateIntent', {
			pathParams: { intentId },
			body,
		});
		const updated = (answer?.updatedIntent ?? answer) as IDataObject;
		return { ...updated, affectedIntents: (answer?.affectedRecords ?? []) as IDataObject[] };
	},
};
