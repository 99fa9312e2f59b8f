import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { sessionIdField, sessionLabelField } from '../../helpers/fields';
import { labelIdOf } from '../../helpers/labels';

export const addToSession: Operation = {
	value: 'addToSession',
	name: 'Add to Session',
	action: 'Add a label to a session',
	description: 'Attach one label to one session',
	properties: [sessionIdField, sessionLabelField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const sessionId = requiredString(this, 'sessionId', itemIndex, 'Session ID');
		const labelId = labelIdOf(this, itemIndex, 'labelId', 'Session Label');
		await itemRequest(this, itemIndex, 'labelSession', { qs: { sessionId }, body: { labelId }, idempotent: true });
		return { sessionId, labelId, labeled: true };
	},
};
