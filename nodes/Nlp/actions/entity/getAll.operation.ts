import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { nlpItemRequest } from '../../api';
import { listOf } from '../../helpers/intent';

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many entities',
	description: 'List the entities of the project',
	properties: [
		returnAllField,
		limitField,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				{
					displayName: 'Names',
					name: 'names',
					type: 'string',
					typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Name' },
					default: [],
					description: 'Only these entities',
				},
			],
		},
		{
			displayName: 'Include Record Count',
			name: 'withRecordsCount',
			type: 'boolean',
			default: false,
			description: 'Whether to add the number of records of each entity',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const names = listOf(this, filters.names, itemIndex, 'Names').map((name) => name.replace(/^@/, ''));
		const withRecordsCount = this.getNodeParameter('withRecordsCount', itemIndex, false) as boolean;
		const entities = names.length
			? await nlpItemRequest<IDataObject[]>(this, itemIndex, 'getEntitiesByNames', { qs: { names } })
			: await nlpItemRequest<IDataObject[]>(this, itemIndex, 'listEntities', { qs: { withRecordsCount } });
		return (entities ?? []).slice(0, limitOf(this, itemIndex));
	},
};
