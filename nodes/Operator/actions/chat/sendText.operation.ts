import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { sendOperatorEvent } from '../../api';
import { employeeFields, employeeOf, userIdField, userIdOf, webhookFields } from '../fields';

export const sendText: Operation = {
	value: 'sendText',
	name: 'Send Text',
	action: 'Send a text message as the agent',
	description: 'Send the agent\'s message to the client (TextMessage event)',
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
		},
		...employeeFields,
		...webhookFields,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const userId = userIdOf(this, itemIndex);
		const text = requiredString(this, 'text', itemIndex, 'Text');
		const employee = employeeOf(this, itemIndex);
		return await sendOperatorEvent(this, itemIndex, 'TextMessage', { userId, text, employee });
	},
};
