import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';

export const count: Operation = {
	value: 'count',
	name: 'Count',
	action: 'Count sessions per project',
	description:
		'The number of sessions of every project of the account, for all time: one item per project',
	properties: [],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await itemRequest<IDataObject[]>(this, itemIndex, 'sessionsCount');
	},
};
