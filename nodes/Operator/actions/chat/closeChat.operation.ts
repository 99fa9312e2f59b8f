import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { sendOperatorEvent } from '../../helpers/events';
import { agentField, employeeOf, userIdField, userIdOf, webhookFields } from './common';

export const closeChat: Operation = {
	acts: true,
	value: 'closeChat',
	name: 'Close Chat',
	action: 'Close chat',
	description:
		"End the client's chat with the agent and hand the client back to the bot. The agent can no longer write in this chat.",
	properties: [userIdField, agentField, ...webhookFields],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const userId = userIdOf(this, itemIndex);
		const employee = employeeOf(this, itemIndex);
		return await sendOperatorEvent(this, itemIndex, 'Closed', { userId, employee });
	},
};
