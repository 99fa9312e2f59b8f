import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { projectOf, reporterOptions } from '../../helpers/project';

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many experiments',
	description: 'List the A/B experiments of the project with their branches and status',
	properties: [returnAllField, limitField, reporterOptions()],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = { projectShortName: await projectOf(this, itemIndex, true) };
		const experiments = await itemRequest<IDataObject[]>(this, itemIndex, 'listExperiments', {
			qs,
		});
		const limit = limitOf(this, itemIndex);
		return limit === undefined ? experiments : experiments.slice(0, limit);
	},
};
