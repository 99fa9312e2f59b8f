import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { labelGroupField } from '../../helpers/fields';
import { labelIdOf, updateFieldsOf } from '../../helpers/labels';

export const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update a label group',
	description: 'Rename a label group or change its priority',
	properties: [
		labelGroupField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add field',
			default: {},
			options: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Priority', name: 'priority', type: 'number', default: 0 },
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = labelIdOf(this, itemIndex, 'groupId', 'Label Group');
		const fields = updateFieldsOf(this, itemIndex);
		// LogLabelGroupCreate requires name and priority: unchanged ones come from the group.
		const current = await itemRequest(this, itemIndex, 'getLabelGroup', { pathParams: { id } });
		const body = { name: fields.name ?? current.name, priority: fields.priority ?? current.priority };
		await itemRequest(this, itemIndex, 'updateLabelGroup', { pathParams: { id }, body });
		return { id, ...body, updated: true };
	},
};
