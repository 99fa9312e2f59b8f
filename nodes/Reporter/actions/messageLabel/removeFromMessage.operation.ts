import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { messageLabelField, questionIdField } from '../../helpers/fields';
import { labelIdOf } from '../../helpers/labels';

export const removeFromMessage: Operation = {
	value: 'removeFromMessage',
	name: 'Remove From Message',
	action: 'Remove a label from a message',
	description: 'Detach one label from one message',
	properties: [questionIdField, messageLabelField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const questionId = requiredString(this, 'questionId', itemIndex, 'Message ID (Question ID)');
		const labelId = labelIdOf(this, itemIndex);
		// The spec sends this DELETE with a JSON body.
		await itemRequest(this, itemIndex, 'unlabelMessage', { qs: { questionId }, body: { labelId } });
		return { questionId, labelId, removed: true };
	},
};
