import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { sessionLabelField } from '../../helpers/fields';
import { labelIdOf, updateFieldsOf } from '../../helpers/labels';

export const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update a session label',
	description: 'Rename a session label or change its priority',
	properties: [
		sessionLabelField,
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
		const id = labelIdOf(this, itemIndex, 'labelId', 'Session Label');
		const fields = updateFieldsOf(this, itemIndex);
		// SessionLabelCreate requires name and priority: unchanged ones come from the label.
		const current = await itemRequest(this, itemIndex, 'getSessionLabel', { pathParams: { id } });
		const body = { name: fields.name ?? current.name, priority: fields.priority ?? current.priority };
		await itemRequest(this, itemIndex, 'updateSessionLabel', { pathParams: { id }, body });
		return { id, ...body, updated: true };
	},
};
