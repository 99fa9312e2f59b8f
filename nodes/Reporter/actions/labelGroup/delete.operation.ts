import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { labelGroupField } from '../../helpers/fields';
import { labelIdOf } from '../../helpers/labels';

export const deleteGroup: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a label group',
	description: 'Delete a group of message labels',
	properties: [labelGroupField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = labelIdOf(this, itemIndex, 'groupId', 'Label Group');
		await itemRequest(this, itemIndex, 'deleteLabelGroup', { pathParams: { id } });
		return { deleted: true };
	},
};
