import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { sendAsList } from '../../helpers/batch';
import { nameField, nameOf, priorityField } from '../../helpers/labels';

export const createMany: Operation = {
	value: 'createMany',
	name: 'Create Many',
	action: 'Create many message labels',
	description: 'Create one label per input item, all in one request (the API returns no IDs: read them with Get Many)',
	properties: [
		nameField,
		priorityField,
		{ displayName: 'Group Name', name: 'groupName', type: 'string', default: '', required: true },
	],
	async executeBatch(this: IExecuteFunctions, itemIndexes: number[]) {
		const entryOf = (itemIndex: number): IDataObject => ({
			name: nameOf(this, itemIndex),
			priority: this.getNodeParameter('priority', itemIndex, 0) as number,
			group: { name: requiredString(this, 'groupName', itemIndex, 'Group Name') },
		});
		return await sendAsList(this, itemIndexes, 'createMessageLabels', entryOf, { created: true });
	},
};
