import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { projectOf, reporterOptions } from '../../helpers/project';

export const countSessions: Operation = {
	value: 'countSessions',
	name: 'Count Sessions',
	action: 'Count experiment sessions',
	description:
		'How many sessions joined each A/B experiment of the project: one item per experiment key',
	properties: [reporterOptions()],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const qs = { projectShortName: await projectOf(this, itemIndex, true) };
		return await itemRequest<IDataObject[]>(this, itemIndex, 'experimentSessions', { qs });
	},
};
