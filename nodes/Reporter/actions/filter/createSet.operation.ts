import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequestString } from '../../api';
import { projectOf, reporterOptions } from '../../helpers/fields';
import { filterFields, filtersBody } from '../../helpers/filters';

export const createSet: Operation = {
	value: 'createSet',
	name: 'Save Set',
	action: 'Save a filter set',
	description: 'Save filters under an ID (for links into the platform analytics pages)',
	properties: [
		{
			displayName: 'Interval',
			name: 'intervalType',
			type: 'options',
			options: [
				{ name: 'None', value: '' },
				...['HOUR', 'DAY', 'WEEK', 'MONTH', 'QUARTER', 'YEAR'].map((value) => ({ name: value.charAt(0) + value.slice(1).toLowerCase(), value })),
			],
			default: '',
		},
		...filterFields,
		reporterOptions(),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = filtersBody(this, itemIndex);
		const qs: IDataObject = { projectShortName: await projectOf(this, itemIndex) };
		const intervalType = this.getNodeParameter('intervalType', itemIndex, '') as string;
		if (intervalType) qs.intervalType = intervalType;
		// The answer is a bare JSON string: the new filter set ID.
		const filterSetId = await itemRequestString(this, itemIndex, 'createFilterSet', { qs, body });
		return { filterSetId, ...body };
	},
};
