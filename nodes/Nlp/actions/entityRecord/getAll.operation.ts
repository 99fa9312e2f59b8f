import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitOf } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { getManyFields } from '../../helpers/collections';
import { entityLocator } from '../../helpers/locators';
import { recordClientIdField, recordPages } from './common';

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many entity records',
	description: 'List the records (values and synonyms) of an entity',
	properties: [
		entityLocator,
		...getManyFields(
			[
				recordClientIdField,
				{
					displayName: 'Search',
					name: 'searchQuery',
					type: 'string',
					default: '',
					description: 'Only records whose value or synonyms contain this text',
				},
			],
			'Which records to return; without filters, all of them',
		),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const searchQuery = String(filters.searchQuery ?? '').trim() || undefined;
		const clientId = String(filters.clientId ?? '').trim() || undefined;
		return await recordPages(
			this,
			itemIndex,
			{ searchQuery, clientId },
			{ limit: limitOf(this, itemIndex) },
		);
	},
};
