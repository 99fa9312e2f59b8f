import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { messageLabelField } from '../../helpers/fields';
import { labelIdOf } from '../../helpers/labels';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get a message label',
	description: 'Read one message label with its group',
	properties: [messageLabelField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = labelIdOf(this, itemIndex);
		return await itemRequest(this, itemIndex, 'getMessageLabel', { pathParams: { id } });
	},
};
