import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { labelGroupField } from '../../helpers/fields';
import { labelIdOf } from '../../helpers/labels';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get a label group',
	description: 'Read one group of message labels',
	properties: [labelGroupField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = labelIdOf(this, itemIndex, 'groupId', 'Label Group');
		return await itemRequest(this, itemIndex, 'getLabelGroup', { pathParams: { id } });
	},
};
