import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { nameField, nameOf, priorityField } from '../../helpers/labels';

export const create: Operation = {
	value: 'create',
	name: 'Create',
	action: 'Create a session label',
	description: 'Create a label for sessions',
	properties: [nameField, priorityField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = { name: nameOf(this, itemIndex), priority: this.getNodeParameter('priority', itemIndex, 0) as number };
		return await itemRequest(this, itemIndex, 'createSessionLabel', { body });
	},
};
