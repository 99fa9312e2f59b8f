import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { chatItemRequest } from '../../api';
import { clientIdField, clientIdOf } from '../fields';
import { checkedStatus, questionIdField, questionIdOf, statusOptions } from './shared';

export const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update the status of a message',
	description: 'Mark one bot message as sent, delivered, read or not sent',
	properties: [
		clientIdField,
		questionIdField,
		// `checkedStatus` reads it case-insensitively: the router's check of the choices stays out.
		{ displayName: 'Status', name: 'status', type: 'options', options: statusOptions, default: 'READ', ignoreValidationDuringExecution: true },
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const clientId = clientIdOf(this, itemIndex);
		const questionId = questionIdOf(this, itemIndex);
		const status = checkedStatus(this, this.getNodeParameter('status', itemIndex), itemIndex, 'Status');
		const answer = await chatItemRequest(this, itemIndex, 'setStatus', {
			pathParams: { clientId, questionId },
			body: { status },
			idempotent: true,
		});
		return { clientId, questionId, status, ...answer };
	},
};
