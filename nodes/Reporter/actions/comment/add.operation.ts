import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { questionIdField } from '../../helpers/fields';

export const add: Operation = {
	value: 'add',
	name: 'Add',
	action: 'Add a comment to a message',
	description: 'Write the comment of a message (a message has one comment; adding replaces it)',
	properties: [
		questionIdField,
		{ displayName: 'Comment', name: 'comment', type: 'string', typeOptions: { rows: 3 }, default: '', required: true },
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const questionId = requiredString(this, 'questionId', itemIndex, 'Message ID (Question ID)');
		const comment = requiredString(this, 'comment', itemIndex, 'Comment');
		// AddCommentDto declares `questionid` but requires `questionId` (spec typo): send `questionId`.
		await itemRequest(this, itemIndex, 'addComment', { pathParams: { questionId }, body: { questionId, comment }, idempotent: true });
		return { questionId, comment, added: true };
	},
};
