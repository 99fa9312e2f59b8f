import type { IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { pagedList } from '../../api';
import { projectOf, reporterOptions } from '../../helpers/fields';
import { filterFields, filtersBody } from '../../helpers/filters';

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many clients',
	description: 'List the clients that match the filters',
	properties: [returnAllField, limitField, ...filterFields, reporterOptions()],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = filtersBody(this, itemIndex);
		const qs = { projectShortName: await projectOf(this, itemIndex) };
		return await pagedList(this, itemIndex, 'clientsFilter', 'clients', { qs, body }, limitOf(this, itemIndex));
	},
};
