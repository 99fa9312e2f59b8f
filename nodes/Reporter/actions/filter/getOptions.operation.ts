import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField } from '../../../common/fields';
import { paginate } from '../../../common/paginate';
import type { Operation } from '../../../common/router';
import { LIST_PAGES } from '../../../common/requests';
import { itemRequest } from '../../api';
import { filtersField } from '../../helpers/filterFields';
import { filtersBody } from '../../helpers/filters';
import { languageHeader } from '../../helpers/headers';
import { projectOf, reporterOptions } from '../../helpers/project';
import { filterKeyField, languageField, sectionField } from './common';

export const getOptions: Operation = {
	value: 'getOptions',
	name: 'Get Options',
	action: 'Get filter values',
	description:
		'The values a list filter offers (bots, channels, labels…): one item per value; or the least and greatest value of a numeric filter',
	properties: [
		sectionField,
		filterKeyField,
		{
			displayName: 'Kind',
			name: 'kind',
			type: 'options',
			options: [
				{
					name: 'List Values',
					value: 'list',
					description: 'The values to choose from, such as bots or labels',
				},
				{
					name: 'Numeric Range',
					value: 'interval',
					description: 'Minimum and maximum of a numeric filter',
				},
			],
			default: 'list',
			description: 'Whether the filter is a list of values or a numeric range',
		},
		{ ...returnAllField, displayOptions: { show: { kind: ['list'] } } },
		{ ...limitField, displayOptions: { show: { kind: ['list'], returnAll: [false] } } },
		languageField,
		filtersField(),
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
			return await itemRequest(this, itemIndex, 'intervalFilterOptions', { qs, headers, body });
		}
		// The answer is a bare array (no total, no answered size): a short page ends the list.
		return await paginate<IDataObject>(
			async (page, size) => ({
				items: await itemRequest<IDataObject[]>(this, itemIndex, 'filterOptions', {
					qs: { ...qs, page, size },
					headers,
					body,
				}),
			}),
			{
				limit: limitOf(this, itemIndex),
				pageSize: LIST_PAGES.pageSize,
				list: 'filter options',
				node: this.getNode(),
			},
		);
	},
};
