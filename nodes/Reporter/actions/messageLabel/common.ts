import type { IExecuteFunctions } from 'n8n-workflow';

import { questionIdField, sessionIdField, locatorValue } from '../../helpers/pickers';
import type { LabelTarget } from '../../helpers/labelOperations';
import type { LabelKind } from '../../helpers/labels';
import { messageLabelLocator } from '../../helpers/labels';

/** What every Message Label operation names: the label and how it is picked. */
export const MESSAGE_LABEL: LabelKind = {
	noun: 'message label',
	locator: messageLabelLocator,
	id: ['labelId', 'Message Label'],
	loadOptionsMethod: 'getMessageLabels',
};

const questionIdOf = (ctx: IExecuteFunctions, itemIndex: number) =>
	locatorValue(ctx, 'questionId', itemIndex, 'Message');

/** A message, named by its question ID. */
export const MESSAGE: LabelTarget = {
	noun: 'message',
	fields: [questionIdField],
	query: (ctx, itemIndex) => ({ questionId: questionIdOf(ctx, itemIndex) }),
};

/** A message named by question ID and session ID, as the set-by-list route wants it. */
export const MESSAGE_IN_SESSION: LabelTarget = {
	noun: 'message',
	fields: [questionIdField, sessionIdField],
	query: (ctx, itemIndex) => ({
		questionId: questionIdOf(ctx, itemIndex),
		sessionId: locatorValue(ctx, 'sessionId', itemIndex, 'Session'),
	}),
};
