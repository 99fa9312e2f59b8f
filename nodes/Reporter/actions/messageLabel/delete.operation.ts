import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { messageLabelField } from '../../helpers/fields';
import { labelIdOf } from '../../helpers/labels';

export const deleteLabel: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a message label',
	description: 'Delete a message label; messages lose it',
	properties: [messageLabelField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = labelIdOf(this, itemIndex);
		await itemRequest(this, itemIndex, 'deleteMessageLabel', { pathParams: { id } });
		return { deleted: true };
	},
};
