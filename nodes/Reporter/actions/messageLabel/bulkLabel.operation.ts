import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { filterFields } from '../../helpers/filters';
import { bulkBody, bulkFields, labelIdsField } from '../../helpers/labels';

export const bulkLabel: Operation = {
	value: 'bulkLabel',
	name: 'Bulk Label',
	action: 'Label many messages',
	description: 'Add or remove labels on many messages, chosen by ID or by filters',
	properties: [labelIdsField('getMessageLabels'), ...bulkFields('messages (question IDs)'), ...filterFields],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = bulkBody(this, itemIndex);
		await itemRequest(this, itemIndex, 'bulkLabelMessages', { body, idempotent: true });
		return { ...body, done: true };
	},
};
