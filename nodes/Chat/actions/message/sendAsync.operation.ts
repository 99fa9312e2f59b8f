import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { chatItemRequest } from '../../api';
import { messageBody, messageFields } from './send.operation';

export const sendAsync: Operation = {
	value: 'sendAsync',
	name: 'Send Async',
	action: 'Send a message without waiting for the answer',
	description:
		'Send a client text or event; the platform answers with the message ID and posts the bot reply to the channel webhook (Tovie Chat Trigger)',
	properties: messageFields,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = messageBody(this, itemIndex);
		const response = await chatItemRequest(this, itemIndex, 'sendAsync', { body });
		return { clientId: body.clientId, ...response };
	},
};
