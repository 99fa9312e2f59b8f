import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { locatorValue, taskField } from '../../helpers/fields';

export const getTask: Operation = {
	value: 'getTask',
	name: 'Get Task',
	action: 'Get a report task',
	description: 'Read the status, progress and file URL of a report task',
	properties: [taskField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const taskId = locatorValue(this, 'taskId', itemIndex, 'Report Task');
		return await itemRequest(this, itemIndex, 'getTask', { pathParams: { taskId } });
	},
};
