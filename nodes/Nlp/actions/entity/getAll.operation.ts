import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitOf } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { listOf } from '../../../common/validate';
import { itemRequest } from '../../api';
import { getManyFields } from '../../helpers/collections';

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many entities',
	description: 'List the entities of the project',
	properties: [
		...getManyFields(
			[
				{
					displayName: 'Names',
					name: 'names',
					type: 'string',
					typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Name' },
					default: [],
					description: 'Only the entities with these names (without "@")',
				},
			],
			'Which entities to return; without filters, all of them',
		),
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
		const names = listOf(this, itemIndex, filters.names, 'Names').map((name) =>
			name.replace(/^@/, ''),
		);
		const withRecordsCount = this.getNodeParameter('withRecordsCount', itemIndex, false) as boolean;
		const entities = names.length
			? await itemRequest<IDataObject[]>(this, itemIndex, 'getEntitiesByNames', { qs: { names } })
			: await itemRequest<IDataObject[]>(this, itemIndex, 'listEntities', {
					qs: { withRecordsCount },
				});
		return (entities ?? []).slice(0, limitOf(this, itemIndex));
	},
};
