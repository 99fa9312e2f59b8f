import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { optionalString, requiredString } from '../../../common/validate';
import { sendOperatorEvent } from '../../helpers/events';
import { userIdField, userIdOf, webhookFields } from './common';

export const selectAgentGroup: Operation = {
	acts: true,
	value: 'selectAgentGroup',
	name: 'Select Agent Group',
	action: 'Select agent group',
	description:
		'Tell the platform which agent group now handles the client, for example to move the chat to another group',
	properties: [
		userIdField,
		{
			displayName: 'Agent Group ID',
			name: 'destinationId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. support',
			description:
				'The ID of one of the agent groups listed in the Tovie Operator Trigger (Agent Groups → ID)',
		},
		{
			displayName: 'Agent Group Name',
			name: 'destinationName',
			type: 'string',
			default: '',
			placeholder: 'e.g. Support team',
			description: 'The name the platform shows for the group; empty: the ID',
		},
		{
			displayName: 'Has Online Agents',
			name: 'hasOnline',
			type: 'boolean',
			default: true,
			description:
				'Whether an agent of the group is available now; the platform routes chats only to groups that have one',
		},
		...webhookFields,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const userId = userIdOf(this, itemIndex);
		const destinationId = requiredString(this, 'destinationId', itemIndex, 'Agent Group ID');
		const destination = {
			destinationId,
			name: optionalString(this, 'destinationName', itemIndex) ?? destinationId,
			hasOnline: this.getNodeParameter('hasOnline', itemIndex, true) === true,
		};
		return await sendOperatorEvent(this, itemIndex, 'SelectDestination', { userId, destination });
	},
};
