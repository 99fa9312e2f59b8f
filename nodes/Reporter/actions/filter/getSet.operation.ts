import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { projectOf, reporterOptions } from '../../helpers/project';

export const getSet: Operation = {
	value: 'getSet',
	name: 'Get Saved Set',
	action: 'Get saved filter set',
	description:
		'Read the filters saved under a filter set ID (answers of statistics and lists carry one)',
	properties: [
		{
			displayName: 'Filter Set ID',
			name: 'filterSetId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. fs-42',
			description:
				'The ID Filter → Save Set gave, or the filterSetId of a statistics or list answer (the API cannot list saved sets)',
		},
		reporterOptions(),
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const filterSetId = requiredString(this, 'filterSetId', itemIndex, 'Filter Set ID');
		const qs = { projectShortName: await projectOf(this, itemIndex) };
		return await itemRequest(this, itemIndex, 'getFilterSet', { pathParams: { filterSetId }, qs });
	},
};
