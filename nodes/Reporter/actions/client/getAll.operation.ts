import type { IExecuteFunctions } from 'n8n-workflow';

import {
	limitField,
	limitOf,
	returnAllField,
	simplifyField,
	simplifyOf,
} from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { filtersField } from '../../helpers/filterFields';
import { filtersBody } from '../../helpers/filters';
import { reporterList } from '../../helpers/paging';
import { projectOf, reporterOptions } from '../../helpers/project';
import { simplifyClient } from '../../helpers/simplify';

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many clients',
	description: 'List the clients (people who talked to the bots) that match the filters',
	properties: [returnAllField, limitField, filtersField(), simplifyField, reporterOptions()],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = filtersBody(this, itemIndex);
		const qs = { projectShortName: await projectOf(this, itemIndex) };
		const clients = await reporterList(
			this,
			itemIndex,
			'clientsFilter',
			'clients',
			{ qs, body },
			limitOf(this, itemIndex),
		);
		return simplifyOf(this, itemIndex) ? clients.map(simplifyClient) : clients;
	},
};
