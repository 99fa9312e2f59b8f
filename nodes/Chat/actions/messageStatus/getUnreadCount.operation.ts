import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { chatItemRequest } from '../../api';
import { clientIdField, clientIdOf } from '../fields';

export const getUnreadCount: Operation = {
	value: 'getUnreadCount',
	name: 'Get Unread Count',
	action: 'Get the number of unread messages',
	description: 'Get how many bot messages the client has not read',
	properties: [clientIdField],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const clientId = clientIdOf(this, itemIndex);
		const answer = await chatItemRequest<unknown>(this, itemIndex, 'unreadCount', { pathParams: { clientId } });
		// The brief does not show the answer: accept a bare number or an object with the count.
		const body = (typeof answer === 'object' && answer !== null ? answer : {}) as IDataObject;
		const count = typeof answer === 'number' ? answer : Number(body.count ?? body.notReadCount ?? body.unreadCount ?? 0);
		return { clientId, count };
	},
};
