import { sessionIdField, locatorValue } from '../../helpers/pickers';
import type { LabelTarget } from '../../helpers/labelOperations';
import type { LabelKind } from '../../helpers/labels';
import { sessionLabelLocator } from '../../helpers/labels';

/** What every Session Label operation names: the label and how it is picked. */
export const SESSION_LABEL: LabelKind = {
	noun: 'session label',
	locator: sessionLabelLocator,
	id: ['labelId', 'Session Label'],
	loadOptionsMethod: 'getSessionLabels',
};

/** A session, named by its ID. */
export const SESSION: LabelTarget = {
	noun: 'session',
	fields: [sessionIdField],
	query: (ctx, itemIndex) => ({
		sessionId: locatorValue(ctx, 'sessionId', itemIndex, 'Session'),
	}),
};
