import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { sendAsList } from '../../helpers/batch';
import { messageLabelField } from '../../helpers/fields';
import { labelIdOf, updateFieldsOf } from '../../helpers/labels';

export const updateMany: Operation = {
	value: 'updateMany',
	name: 'Update Many',
	action: 'Update many message labels',
	description: 'Update one label per input item, all in one request; fields left out keep their values',
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
				{ displayName: 'Group Name', name: 'groupName', type: 'string', default: '' },
				{ displayName: 'Group Priority', name: 'groupPriority', type: 'number', default: 0 },
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Priority', name: 'priority', type: 'number', default: 0 },
			],
		},
	],
	async executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
		const entryOf = (itemIndex: number): IDataObject => ({
			id: labelIdOf(this, itemIndex),
			...updateFieldsOf(this, itemIndex),
		});
		return await sendAsList(this, itemIndexes, 'updateMessageLabels', entryOf, { updated: true }, true);
	},
};
