import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { filtersField, INTERVALS } from '../../helpers/filterFields';
import { filtersBody } from '../../helpers/filters';
import { projectOf, reporterOptions } from '../../helpers/project';
import { itemRequestString } from '../../helpers/stringAnswer';

export const createSet: Operation = {
	acts: true,
	value: 'createSet',
	name: 'Save Set',
	action: 'Save filter set',
	description:
		'Save filters under an ID, for links into the platform’s Analytics pages and for Filter → Get Saved Set',
	properties: [
		{
			displayName: 'Interval',
			name: 'intervalType',
			type: 'options',
			options: [{ name: 'None', value: '' }, ...INTERVALS],
			default: '',
			description: 'The interval the saved statistics view groups by',
		},
		filtersField(),
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
