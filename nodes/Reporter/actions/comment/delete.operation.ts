import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { questionIdField, locatorValue } from '../../helpers/pickers';

export const deleteComment: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete message comment',
	description:
		'Permanently delete the comment of one message (a message without a comment fails with 404)',
	properties: [questionIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const questionId = locatorValue(this, 'questionId', itemIndex, 'Message');
		await itemRequest(this, itemIndex, 'deleteComment', { pathParams: { questionId } });
		return { deleted: true };
	},
};
