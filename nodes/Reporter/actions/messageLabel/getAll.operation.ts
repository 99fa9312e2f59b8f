import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { limitField, limitOf, returnAllField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';

export const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many message labels',
	description: 'List the message labels of the account, each with its ID and group',
	properties: [returnAllField, limitField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const labels = await itemRequest<IDataObject[]>(this, itemIndex, 'listMessageLabels');
		const limit = limitOf(this, itemIndex);
		return limit === undefined ? labels : labels.slice(0, limit);
	},
};
