import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { clientIdField, clientIdOf } from '../../helpers/client';
import { questionIdField, questionIdOf } from './common';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get message status',
	description: 'Get whether a bot message was sent, delivered, read or not sent',
	properties: [clientIdField, questionIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const clientId = clientIdOf(this, itemIndex);
		const questionId = questionIdOf(this, itemIndex);
		const answer = await itemRequest(this, itemIndex, 'getStatus', {
			pathParams: { clientId, questionId },
		});
		return { clientId, questionId, ...answer };
	},
};
