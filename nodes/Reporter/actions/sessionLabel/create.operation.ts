import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { nameField, nameOf, priorityField } from '../../helpers/labels';

// No by-list create route exists for session labels: one request per item, which also answers the new ID.
export const create: Operation = {
	acts: true,
	value: 'create',
	name: 'Create',
	action: 'Create session label',
	description: 'Create a label that sessions can be marked with',
	properties: [nameField('session label'), priorityField('session label')],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = {
			name: nameOf(this, itemIndex),
			priority: this.getNodeParameter('priority', itemIndex, 0) as number,
		};
		return await itemRequest(this, itemIndex, 'createSessionLabel', { body });
	},
};
