import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { prioritiesField, prioritiesOf } from '../../helpers/fields';

export const changePriority: Operation = {
	value: 'changePriority',
	name: 'Change Priority',
	action: 'Change the priority of session labels',
	description: 'Reorder session labels: give each label ID its new priority',
	properties: [prioritiesField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = prioritiesOf(this, itemIndex);
		await itemRequest(this, itemIndex, 'sessionLabelsPriority', { body });
		return { updated: true, priorities: body };
	},
};
