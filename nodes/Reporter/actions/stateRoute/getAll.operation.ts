import type { IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { filtersField } from '../../helpers/filterFields';
import { filtersBody } from '../../helpers/filters';
import { reporterList } from '../../helpers/paging';
import { projectOf, reporterOptions } from '../../helpers/project';

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many state routes',
	description:
		'The paths sessions took through the script’s states, and how many sessions took each: one item per path',
	properties: [returnAllField, limitField, filtersField(), reporterOptions()],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = filtersBody(this, itemIndex);
		const qs = { projectShortName: await projectOf(this, itemIndex) };
		return await reporterList(
			this,
			itemIndex,
			'stateRoutesFilter',
			'routes',
			{ qs, body },
			limitOf(this, itemIndex),
		);
	},
};
