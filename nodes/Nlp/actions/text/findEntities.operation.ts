import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { phraseOf, phraseOptions, textField } from './common';

export const findEntities: Operation = {
	value: 'findEntities',
	name: 'Find Entities',
	action: 'Find entities in phrase',
	description: 'Find named entities (system and project entities) in a phrase',
	properties: [
		textField,
		phraseOptions([
			{
				displayName: 'Show All',
				name: 'showAll',
				type: 'boolean',
				default: false,
				description:
					'Whether to return every entity found, also overlapping ones, instead of resolving conflicts',
			},
		]),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const { text, options, headers, clientId } = phraseOf(this, itemIndex);
		const answer = await itemRequest<IDataObject>(this, itemIndex, 'entitiesLookup', {
			qs: { query: text, showAll: options.showAll === true, clientId },
			headers,
		});
		return { text, entities: [], ...answer };
	},
};
