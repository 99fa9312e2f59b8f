import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { intentIdOf, intentLocator } from '../../helpers/locators';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get intent',
	description: 'Get an intent with its phrases, patterns, answer and slots',
	properties: [intentLocator],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const intentId = await intentIdOf(this, itemIndex);
		return await itemRequest<IDataObject>(this, itemIndex, 'getIntent', {
			pathParams: { intentId },
		});
	},
};
