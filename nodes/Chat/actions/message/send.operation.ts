import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyField } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { invalidInput, jsonObjectParameter, optionalString } from '../../../common/validate';
import { chatItemRequest } from '../../api';
import { withOwnSend } from '../../ownSends';
import { clientIdField, clientIdOf } from '../fields';

/** Fields shared by Send and Send Async: who speaks, and a text or an event. */
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
		description: 'A script event to fire instead of a text (handled by an event: tag in the bot script)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			{
				displayName: 'Connection ID (Cid)',
				name: 'cid',
				type: 'string',
				default: '',
				description: 'Names the current connection; Get Events can later filter by it',
			},
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
		throw invalidInput(ctx, itemIndex, 'Text and Event Name', 'are both set', 'A message is either a text or an event: clear one of the two.');
	}
	if (!query && !event) {
		throw invalidInput(ctx, itemIndex, 'Text or Event Name', 'is required', 'Enter the client text, or the name of the event to fire.');
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

const STANDARD_DATA_KEYS = ['replies', 'answer', 'nlpClass', 'confidence', 'newSessionStarted', 'endSession', 'debugData'];

/** The bot's answer in at most a dozen flat fields; custom `$response` fields stay under `customData`. */
export function simplifyAnswer(response: IDataObject): IDataObject {
	if (!response.data || typeof response.data !== 'object') {
		// No bot answer in it (the simplified GET echoes clientId, query and event): nothing to flatten.
		const rest = { ...response };
		delete rest.token;
		return rest;
	}
	const data = response.data as IDataObject;
	const customData: IDataObject = {};
	for (const [key, value] of Object.entries(data)) if (!STANDARD_DATA_KEYS.includes(key)) customData[key] = value;
	const replies = (data.replies ?? []) as IDataObject[];
	return {
		clientId: response.clientId,
		questionId: response.questionId,
		answer: data.answer ?? replies.filter((r) => r.type === 'text').map((r) => r.text).join('\n\n'),
		replies,
		nlpClass: data.nlpClass,
		confidence: data.confidence,
		newSessionStarted: data.newSessionStarted,
		endSession: data.endSession,
		timestamp: response.timestamp,
		customData,
	};
}

export const send: Operation = {
	value: 'send',
	name: 'Send',
	action: 'Send a message and get the answer',
	description: 'Send a client text or event and wait for the bot answer',
	properties: [
		...messageFields,
		simplifyField,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Use Simplified GET Method',
					name: 'useGet',
					type: 'boolean',
					default: false,
					description:
						'Whether to send the request as GET with the client ID, text and event in the query string (Data and Connection ID are not sent). The platform answers it with the client ID, text and event only, not with the bot\'s reply.',
				},
			],
		},
	],
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = messageBody(this, itemIndex);
		const useGet = this.getNodeParameter('options.useGet', itemIndex, false) as boolean;
		// So that Tovie Chat Polling Trigger does not start on this message or on the answer it got.
		const response = await withOwnSend(
			this,
			itemIndex,
			{ clientId: String(body.clientId), text: String(body.query ?? body.event), sync: true },
			async () =>
				useGet
					? await chatItemRequest(this, itemIndex, 'sendGet', { qs: { clientId: body.clientId, query: body.query, event: body.event } })
					: await chatItemRequest(this, itemIndex, 'send', { body }),
			(answer) => answer.questionId,
		);
		return (this.getNodeParameter('simplify', itemIndex, true) as boolean) ? simplifyAnswer(response) : response;
	},
};
