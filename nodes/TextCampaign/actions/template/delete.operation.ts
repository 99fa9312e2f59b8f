import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { templateIdOf, templateLocator } from '../../helpers/locators';

export const deleteTemplate: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete template',
	description: 'Delete a sending template: its link stops working. This cannot be undone.',
	properties: [
		{
			...templateLocator,
			description: 'The sending template to delete: its ID or link. This cannot be undone.',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const uuid = templateIdOf(this, itemIndex);
		await itemRequest(this, itemIndex, 'deleteTemplate', { pathParams: { uuid } });
		return { deleted: true, id: uuid };
	},
};
