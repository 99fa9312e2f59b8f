import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { questionIdField, sessionIdField } from '../../helpers/fields';
import { labelIdsField, labelIdsOf } from '../../helpers/labels';

export const setForMessage: Operation = {
	value: 'setForMessage',
	name: 'Set on Message',
	action: 'Set the labels of a message',
	description: 'Replace the labels of one message with the given list (empty removes all)',
	properties: [questionIdField, sessionIdField, labelIdsField('getMessageLabels')],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const questionId = requiredString(this, 'questionId', itemIndex, 'Message ID (Question ID)');
		const sessionId = requiredString(this, 'sessionId', itemIndex, 'Session ID');
		const labelIds = labelIdsOf(this, itemIndex, true);
		const body = labelIds.map((labelId) => ({ labelId }));
		await itemRequest(this, itemIndex, 'setMessageLabels', { qs: { questionId, sessionId }, body, idempotent: true });
		return { questionId, sessionId, labelIds };
	},
};
