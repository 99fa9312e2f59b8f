import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { itemRequest } from '../../api';
import { sessionIdField, sessionLabelField } from '../../helpers/fields';
import { labelIdOf } from '../../helpers/labels';

export const removeFromSession: Operation = {
	value: 'removeFromSession',
	name: 'Remove From Session',
	action: 'Remove a label from a session',
	description: 'Detach one label from one session',
	properties: [sessionIdField, sessionLabelField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const sessionId = requiredString(this, 'sessionId', itemIndex, 'Session ID');
		const labelId = labelIdOf(this, itemIndex, 'labelId', 'Session Label');
		// The spec sends this DELETE with a JSON body.
		await itemRequest(this, itemIndex, 'unlabelSession', { qs: { sessionId }, body: { labelId } });
		return { sessionId, labelId, removed: true };
	},
};
