import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField } from '../../../common/fields';
import { paginate } from '../../../common/paginate';
import type { Operation } from '../../../common/router';
import { nlpItemRequest } from '../../api';
import { recordsRoute } from '../../helpers/entity';
import { entityLocator } from '../../helpers/locators';
import { recordClientIdField } from './add.operation';

/** Records per page (the spec sets no maximum; 20 is its default). */
export const RECORDS_PAGE_SIZE = 100;

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many entity records',
	description: 'List the records (values and synonyms) of an entity',
	properties: [
		entityLocator,
		returnAllField,
		limitField,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add filter',
			default: {},
			options: [
				recordClientIdField,
				{ displayName: 'Search', name: 'searchQuery', type: 'string', default: '', description: 'Only records whose value or synonyms contain this text' },
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const { route, pathParams } = recordsRoute(this, itemIndex, 'getRecords', 'getRecordsByName');
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const searchQuery = String(filters.searchQuery ?? '').trim() || undefined;
		const clientId = String(filters.clientId ?? '').trim() || undefined;
		return await paginate(
			async (page, size) => {
				const answer = await nlpItemRequest<IDataObject>(this, itemIndex, route, {
					pathParams,
					qs: { page, size, searchQuery, clientId },
				});
				const paging = (answer?.paging ?? {}) as IDataObject;
				return {
					items: (answer?.records ?? []) as IDataObject[],
					total: typeof paging.totalCount === 'number' ? paging.totalCount : undefined,
				};
			},
			{ limit: limitOf(this, itemIndex), pageSize: RECORDS_PAGE_SIZE },
		);
	},
};
