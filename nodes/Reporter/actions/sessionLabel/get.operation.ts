import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { sessionLabelField } from '../../helpers/fields';
import { labelIdOf } from '../../helpers/labels';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get a session label',
	description: 'Read one session label',
	properties: [sessionLabelField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = labelIdOf(this, itemIndex, 'labelId', 'Session Label');
		return await itemRequest(this, itemIndex, 'getSessionLabel', { pathParams: { id } });
	},
};
