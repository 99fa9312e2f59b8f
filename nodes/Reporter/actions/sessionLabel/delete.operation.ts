import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { sessionLabelField } from '../../helpers/fields';
import { labelIdOf } from '../../helpers/labels';

export const deleteLabel: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a session label',
	description: 'Delete a session label; sessions lose it',
	properties: [sessionLabelField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const id = labelIdOf(this, itemIndex, 'labelId', 'Session Label');
		await itemRequest(this, itemIndex, 'deleteSessionLabel', { pathParams: { id } });
		return { deleted: true };
	},
};
