import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { sendOperatorEvent } from '../../helpers/events';
import { agentField, employeeOf, userIdField, userIdOf, webhookFields } from './common';

export const sendText: Operation = {
	acts: true,
	value: 'sendText',
	name: 'Send Text',
	action: 'Send text as agent',
	description: "Send the agent's text message to the client in the chat the bot handed over",
	properties: [
		userIdField,
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: '',
			placeholder: 'e.g. Hello, I am looking at your order now',
			description: 'The message the client reads',
		},
		agentField,
		...webhookFields,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const userId = userIdOf(this, itemIndex);
		const text = requiredString(this, 'text', itemIndex, 'Text');
		const employee = employeeOf(this, itemIndex);
		return await sendOperatorEvent(this, itemIndex, 'TextMessage', { userId, text, employee });
	},
};
