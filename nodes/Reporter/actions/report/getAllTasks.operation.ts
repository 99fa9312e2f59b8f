import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import {
	limitField,
	limitOf,
	returnAllField,
	simplifyField,
	simplifyOf,
} from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { simplifyTask } from '../../helpers/simplify';

export const getAllTasks: Operation = {
	value: 'getAllTasks',
	name: 'Get Many Tasks',
	action: 'Get many report tasks',
	description: 'List the report tasks of the account that are not deleted',
	properties: [
		returnAllField,
		limitField,
		{
			displayName: 'Status',
			name: 'status',
			type: 'multiOptions',
			options: ['CREATED', 'STARTED', 'COMPLETED', 'FAILED', 'STOPPED'].map((value) => ({
				name: value.charAt(0) + value.slice(1).toLowerCase(),
				value,
			})),
			default: [],
			description: 'Only tasks with these statuses; none means all',
		},
		simplifyField,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const answer = await itemRequest(this, itemIndex, 'listTasks');
		const statuses = this.getNodeParameter('status', itemIndex, []) as string[];
		const tasks = ((answer.tasks ?? []) as IDataObject[]).filter(
			(task) => !statuses.length || statuses.includes(String(task.status)),
		);
		const limit = limitOf(this, itemIndex);
		const listed = limit === undefined ? tasks : tasks.slice(0, limit);
		return simplifyOf(this, itemIndex) ? listed.map(simplifyTask) : listed;
	},
};
