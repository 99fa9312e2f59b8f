import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { locatorValue, taskField } from '../../helpers/pickers';

export const deleteTask: Operation = {
	value: 'deleteTask',
	name: 'Delete Task',
	action: 'Delete report task',
	description: 'Delete a report task and its file for good. Cannot be undone.',
	properties: [taskField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const taskId = locatorValue(this, 'taskId', itemIndex, 'Report Task');
		await itemRequest(this, itemIndex, 'deleteTask', { pathParams: { taskId } });
		return { deleted: true };
	},
};
