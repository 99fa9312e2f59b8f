import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { sendAsList } from '../../helpers/batch';
import { sessionLabelField } from '../../helpers/fields';
import { labelIdOf, updateFieldsOf } from '../../helpers/labels';

export const updateMany: Operation = {
	value: 'updateMany',
	name: 'Update Many',
	action: 'Update many session labels',
	description: 'Update one session label per input item, all in one request',
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
	async executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
		const entryOf = (itemIndex: number): IDataObject => ({
			id: labelIdOf(this, itemIndex, 'labelId', 'Session Label'),
			...updateFieldsOf(this, itemIndex),
		});
		return await sendAsList(this, itemIndexes, 'updateSessionLabels', entryOf, { updated: true }, true);
	},
};
