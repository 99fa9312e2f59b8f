import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { sendOperatorEvent } from '../../api';
import { employeeFields, employeeOf, userIdField, userIdOf, webhookFields } from '../fields';

export const closeChat: Operation = {
	value: 'closeChat',
	name: 'Close Chat',
	action: 'Close a chat as the agent',
	description: 'End the session with the agent and hand the client back to the bot (Closed event)',
	properties: [userIdField, ...employeeFields, ...webhookFields],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const userId = userIdOf(this, itemIndex);
		const employee = employeeOf(this, itemIndex);
		return await sendOperatorEvent(this, itemIndex, 'Closed', { userId, employee });
	},
};
