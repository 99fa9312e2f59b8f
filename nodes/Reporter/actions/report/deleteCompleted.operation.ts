import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';

export const deleteCompleted: Operation = {
	value: 'deleteCompleted',
	name: 'Delete Completed Tasks',
	action: 'Delete completed report tasks',
	description:
		'Delete every completed report task of the account and their files, or every task including running ones. Cannot be undone.',
	properties: [
		{
			displayName: 'Also Unfinished Tasks',
			name: 'all',
			type: 'boolean',
			default: false,
			description: 'Whether to delete all tasks, including running and failed ones',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const all = this.getNodeParameter('all', itemIndex, false) as boolean;
		await itemRequest(this, itemIndex, all ? 'deleteAllTasks' : 'deleteCompletedTasks');
		return { deleted: true };
	},
};
