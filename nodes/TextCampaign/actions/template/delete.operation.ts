import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequestFull } from '../../api';
import { templateIdOf, templateLocator } from '../../helpers/locators';

export const deleteTemplate: Operation = {
	acts: true,
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
		const { statusCode } = await itemRequestFull(this, itemIndex, 'deleteTemplate', {
			pathParams: { uuid },
		});
		// 404: a repeat after an attempt that did delete it (common/transport.ts).
		return { deleted: true, id: uuid, ...(statusCode === 404 ? { alreadyInState: true } : {}) };
	},
};
