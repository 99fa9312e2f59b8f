import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { sessionIdField } from '../../helpers/fields';
import { labelIdsField, labelIdsOf } from '../../helpers/labels';

export const setForSession: Operation = {
	value: 'setForSession',
	name: 'Set on Session',
	action: 'Set the labels of a session',
	description: 'Replace the labels of one session with the given list (empty removes all)',
	properties: [sessionIdField, labelIdsField('getSessionLabels')],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const sessionId = requiredString(this, 'sessionId', itemIndex, 'Session ID');
		const labelIds = labelIdsOf(this, itemIndex, true);
		const body = labelIds.map((labelId) => ({ labelId }));
		await itemRequest(this, itemIndex, 'setSessionLabels', { qs: { sessionId }, body, idempotent: true });
		return { sessionId, labelIds };
	},
};
