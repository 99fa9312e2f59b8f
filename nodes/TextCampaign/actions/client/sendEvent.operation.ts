import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { requiredString } from '../../../common/validate';
import { jsonNodeOf } from '../../helpers/json';
import { scheduledAt, sendBatch } from '../../helpers/send';
import { clientSendOptions, recipientFields, recipientOf, sendOptionsOf } from './common';

export const sendEvent: Operation = {
	acts: true,
	value: 'sendEvent',
	name: 'Send Event',
	action: 'Send event to clients',
	description:
		'Start the bot script for each client: the bot reacts to the event and writes first. One item is one client.',
	properties: [
		...recipientFields,
		{
			displayName: 'Event',
			name: 'event',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. orderShipped',
			description:
				'The event the bot script reacts to (a state with event: orderShipped in the script)',
		},
		{
			displayName: 'Event Data',
			name: 'eventData',
			type: 'json',
			default: '',
			description:
				'Data the bot script gets with the event, e.g. {"orderId": 42, "carrier": "DHL"}',
		},
		clientSendOptions,
	],
	batch: sendBatch(async function (this: IExecuteFunctions, itemIndex: number) {
		const recipient = recipientOf(this, itemIndex);
		const event = requiredString(this, 'event', itemIndex, 'Event');
		const eventData = jsonNodeOf(
			this,
			itemIndex,
			this.getNodeParameter('eventData', itemIndex, ''),
			'Event Data',
		);
		const body: IDataObject = { ...recipient, event, ...(await sendOptionsOf(this, itemIndex)) };
		if (eventData !== undefined) body.eventData = eventData as IDataObject;
		return {
			route: 'sendEvent' as const,
			request: { body },
			echo: { ...recipient, event, ...(await scheduledAt(this, body)) },
		};
	}),
};
