import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { messageLabelField } from '../../helpers/fields';
import { labelIdOf, updateFieldsOf } from '../../helpers/labels';

export const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update a message label',
	description: 'Rename a message label, move it to another group or change its priority',
	properties: [
		messageLabelField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [
				{ displayName: 'Group ID', name: 'groupId', type: 'number', default: 0 },
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Priority', name: 'priority', type: 'number', default: 0 },
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = labelIdOf(this, itemIndex);
		const fields = updateFieldsOf(this, itemIndex);
		// MessageLabelUpdate requires name, groupId and priority: unchanged ones come from the label.
		const current = await itemRequest(this, itemIndex, 'getMessageLabel', { pathParams: { id } });
		const body = {
			name: fields.name ?? current.name,
			groupId: fields.groupId ?? (current.group as IDataObject | undefined)?.id,
			priority: fields.priority ?? current.priority,
		};
		await itemRequest(this, itemIndex, 'updateMessageLabel', { pathParams: { id }, body });
		return { id, ...body, updated: true };
	},
};
