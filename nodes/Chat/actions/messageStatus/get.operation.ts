import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { chatItemRequest } from '../../api';
import { clientIdField, clientIdOf } from '../fields';
import { questionIdField, questionIdOf } from './shared';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get the status of a message',
	description: 'Get whether a bot message was sent, delivered, read or not sent',
	properties: [clientIdField, questionIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const clientId = clientIdOf(this, itemIndex);
		const questionId = questionIdOf(this, itemIndex);
		const answer = await chatItemRequest(this, itemIndex, 'getStatus', { pathParams: { clientId, questionId } });
		return { clientId, questionId, ...answer };
	},
};
