import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';

export const getStatus: Operation = {
	value: 'getStatus',
	name: 'Get Training Status',
	action: 'Get training status',
	description:
		'Get the state of the classifier (NONE, TRAINING, READY, FAILED), the last error and when intents, entities and the model last changed',
	async execute(this: IExecuteFunctions, itemIndex: number) {
		return await itemRequest<IDataObject>(this, itemIndex, 'status');
	},
};
