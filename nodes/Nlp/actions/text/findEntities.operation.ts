import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { nlpItemRequest } from '../../api';
import { clientIdOption, contextHeaders, contextOptions, textField, textOf } from '../../helpers/text';

export const findEntities: Operation = {
	value: 'findEntities',
	name: 'Find Entities',
	action: 'Find entities in a phrase',
	description: 'Find named entities (system and project entities) in a phrase',
	properties: [
		textField,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				clientIdOption,
				{
					displayName: 'Show All',
					name: 'showAll',
					type: 'boolean',
					default: false,
					description: 'Whether to return every entity found, also overlapping ones, instead of resolving conflicts',
				},
				...contextOptions,
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const text = textOf(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const headers = contextHeaders(this, options, itemIndex);
		const clientId = String(options.clientId ?? '').trim() || undefined;
		const answer = await nlpItemRequest<IDataObject>(this, itemIndex, 'entitiesLookup', {
			qs: { query: text, showAll: options.showAll === true, clientId },
			headers,
		});
		return { text, entities: [], ...answer };
	},
};
