import type { IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { sendOperatorEvent } from '../../api';
import { userIdField, userIdOf, webhookFields } from '../fields';

export const selectDestination: Operation = {
	value: 'selectDestination',
	name: 'Select Destination',
	action: 'Select the agent group of a chat',
	description: 'Tell the platform which agent group handles the client (SelectDestination event)',
	properties: [
		userIdField,
		{ displayName: 'Destination ID', name: 'destinationId', type: 'string', required: true, default: '', placeholder: 'e.g. support', description: 'The agent group ID, as the trigger lists it in getDestinations' },
		{ displayName: 'Destination Name', name: 'destinationName', type: 'string', required: true, default: '', placeholder: 'e.g. Support' },
		{ displayName: 'Has Online Agents', name: 'hasOnline', type: 'boolean', default: true, description: 'Whether the group has an agent online' },
		...webhookFields,
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const userId = userIdOf(this, itemIndex);
		const destination = {
			destinationId: requiredString(this, 'destinationId', itemIndex, 'Destination ID'),
			name: requiredString(this, 'destinationName', itemIndex, 'Destination Name'),
			hasOnline: this.getNodeParameter('hasOnline', itemIndex, true) === true,
		};
		return await sendOperatorEvent(this, itemIndex, 'SelectDestination', { userId, destination });
	},
};
