import type { IExecuteFunctions } from 'n8n-workflow';

import { simplifyField, simplifyOf } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { locatorValue, taskField } from '../../helpers/pickers';
import { simplifyTask } from '../../helpers/simplify';

export const getTask: Operation = {
	value: 'getTask',
	name: 'Get Task',
	action: 'Get report task',
	description: 'Read the status, progress and file URL of a report task',
	properties: [taskField, simplifyField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const taskId = locatorValue(this, 'taskId', itemIndex, 'Report Task');
		const task = await itemRequest(this, itemIndex, 'getTask', { pathParams: { taskId } });
		return simplifyOf(this, itemIndex) ? simplifyTask(task) : task;
	},
};
