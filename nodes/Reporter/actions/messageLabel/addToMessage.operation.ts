import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { messageLabelField, questionIdField } from '../../helpers/fields';
import { labelIdOf } from '../../helpers/labels';

export const addToMessage: Operation = {
	value: 'addToMessage',
	name: 'Add to Message',
	action: 'Add a label to a message',
	description: 'Attach one label to one message',
	properties: [questionIdField, messageLabelField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const questionId = requiredString(this, 'questionId', itemIndex, 'Message ID (Question ID)');
		const labelId = labelIdOf(this, itemIndex);
		await itemRequest(this, itemIndex, 'labelMessage', { qs: { questionId }, body: { labelId }, idempotent: true });
		return { questionId, labelId, labeled: true };
	},
};
