import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { invalidInput, jsonObjectParameter, optionalString } from '../../../common/validate';
import { clientIdField, clientIdOf, connectionIdField } from '../../helpers/client';

/** Fields of Send and Send Without Waiting: who speaks, and a text or an event. */
export const messageFields: INodeProperties[] = [
	clientIdField,
	{
		displayName: 'Text',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. Where is my order?',
		description: "The client's message. Fill in either Text or Event Name.",
	},
	{
		displayName: 'Event Name',
		name: 'event',
		type: 'string',
		default: '',
		placeholder: 'e.g. orderShipped',
		description:
			'A script event to fire instead of a text (handled by an event: tag in the bot script)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		description: 'More to send with the message',
		options: [
			connectionIdField(
				'Your name for the chat window the client writes from (for example one per browser tab); Event → Get Many can later read the events of this window only',
			),
			{
				displayName: 'Data (JSON)',
				name: 'data',
				type: 'json',
				default: '{}',
				description: 'Extra data passed to the bot with the request (a JSON object)',
			},
		],
	},
];

/** Validated request body of one item; refuses bad input before anything is sent. */
export function messageBody(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const clientId = clientIdOf(ctx, itemIndex);
	const query = optionalString(ctx, 'query', itemIndex);
	const event = optionalString(ctx, 'event', itemIndex);
	if (query && event) {
		throw invalidInput(
			ctx,
			itemIndex,
			'Text and Event Name',
			'are both set',
			'A message is either a text or an event: clear one of the two.',
		);
	}
	if (!query && !event) {
		throw invalidInput(
			ctx,
			itemIndex,
			'Text or Event Name',
			'is required',
			'Enter the client text, or the name of the event to fire.',
		);
	}
	const body: IDataObject = { clientId };
	if (query) body.query = query;
	if (event) body.event = event;
	const cid = optionalString(ctx, 'additionalFields.cid', itemIndex);
	if (cid) body.cid = cid;
	const data = jsonObjectParameter(ctx, 'additionalFields.data', itemIndex, 'Data (JSON)');
	if (data && Object.keys(data).length > 0) body.data = data;
	return body;
}
