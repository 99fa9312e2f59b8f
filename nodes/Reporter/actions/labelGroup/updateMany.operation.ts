import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { sendAsList } from '../../helpers/batch';
import { labelGroupField } from '../../helpers/fields';
import { labelIdOf, updateFieldsOf } from '../../helpers/labels';

export const updateMany: Operation = {
	value: 'updateMany',
	name: 'Update Many',
	action: 'Update many label groups',
	description: 'Update one label group per input item, all in one request',
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
	async executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
		const entryOf = (itemIndex: number): IDataObject => ({
			id: labelIdOf(this, itemIndex, 'groupId', 'Label Group'),
			...updateFieldsOf(this, itemIndex),
		});
		return await sendAsList(this, itemIndexes, 'updateLabelGroups', entryOf, { updated: true }, true);
	},
};
