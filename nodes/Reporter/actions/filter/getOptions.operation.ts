import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField } from '../../../common/fields';
import { paginate } from '../../../common/paginate';
import type { Operation } from '../../../common/router';
import { itemRequest, PAGE_SIZE } from '../../api';
import { projectOf, reporterOptions } from '../../helpers/fields';
import { filterFields, filtersBody } from '../../helpers/filters';
import { filterKeyField, languageField, languageHeader, sectionField } from './shared';

export const getOptions: Operation = {
	value: 'getOptions',
	name: 'Get Options',
	action: 'Get the options of a filter',
	description: 'The values a list filter offers (bots, channels, labels…), or the range of a numeric filter',
	properties: [
		sectionField,
		filterKeyField,
		{
			displayName: 'Kind',
			name: 'kind',
			type: 'options',
			options: [
				{ name: 'List Values', value: 'list' },
				{ name: 'Numeric Range', value: 'interval', description: 'Minimum and maximum of a numeric filter' },
			],
			default: 'list',
		},
		{ ...returnAllField, displayOptions: { show: { kind: ['list'] } } },
		{ ...limitField, displayOptions: { show: { kind: ['list'], returnAll: [false] } } },
		languageField,
		...filterFields,
		reporterOptions(),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = filtersBody(this, itemIndex);
		const qs: IDataObject = {
			projectShortName: await projectOf(this, itemIndex),
			filterKey: this.getNodeParameter('filterKey', itemIndex) as string,
			analyticsSection: this.getNodeParameter('analyticsSection', itemIndex) as string,
		};
		const headers = languageHeader(this.getNodeParameter('language', itemIndex, ''));
		if (this.getNodeParameter('kind', itemIndex) === 'interval') {
			return await itemRequest(this, itemIndex, 'intervalFilterOptions', { qs, headers, body, idempotent: true });
		}
		// The answer is a bare array (no paging block): the walk stops at a short page.
		return await paginate<IDataObject>(
			async (page, size) => ({
				items: await itemRequest<IDataObject[]>(this, itemIndex, 'filterOptions', {
					qs: { ...qs, page, size },
					headers,
					body,
					idempotent: true,
				}),
			}),
			{ limit: limitOf(this, itemIndex), pageSize: PAGE_SIZE },
		);
	},
};
