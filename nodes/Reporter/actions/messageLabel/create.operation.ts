import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { nameField, nameOf, priorityField } from '../../helpers/labels';

export const create: Operation = {
	value: 'create',
	name: 'Create',
	action: 'Create a message label',
	description: 'Create a message label in a group (the group is created when no group has this name)',
	properties: [
		nameField,
		priorityField,
		{ displayName: 'Group Name', name: 'groupName', type: 'string', default: '', required: true, description: 'The label group; groups have no call of their own to be created' },
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{ displayName: 'Group ID', name: 'groupId', type: 'number', default: 0, description: 'ID of an existing group (otherwise the group is found by name)' },
				{ displayName: 'Group Priority', name: 'groupPriority', type: 'number', default: 0 },
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const group: IDataObject = { name: requiredString(this, 'groupName', itemIndex, 'Group Name') };
		if (options.groupId) group.id = options.groupId;
		if (options.groupPriority !== undefined) group.priority = options.groupPriority;
		const body = { name: nameOf(this, itemIndex), priority: this.getNodeParameter('priority', itemIndex, 0) as number, group };
		return await itemRequest(this, itemIndex, 'createMessageLabel', { body });
	},
};
