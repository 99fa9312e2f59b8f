import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { questionIdField, locatorValue } from '../../helpers/pickers';

export const add: Operation = {
	value: 'add',
	name: 'Add',
	action: 'Add comment to message',
	description:
		'Write the comment of one message; a message has one comment, so this replaces any earlier one',
	properties: [
		questionIdField,
		{
			displayName: 'Comment',
			name: 'comment',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			required: true,
			placeholder: 'e.g. The bot misread the order number',
			description: 'Text of the comment, as reviewers see it next to the message in the dialog',
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const questionId = locatorValue(this, 'questionId', itemIndex, 'Message');
		const comment = requiredString(this, 'comment', itemIndex, 'Comment');
		// AddCommentDto declares `questionid` but requires `questionId` (spec typo): send `questionId`.
		await itemRequest(this, itemIndex, 'addComment', {
			pathParams: { questionId },
			body: { questionId, comment },
			idempotent: true,
		});
		return { questionId, comment, added: true };
	},
};
