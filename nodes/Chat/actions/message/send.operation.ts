import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { simplifyField, simplifyOf, optionsCollection } from '../../../common/fields';
import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { withOwnSend } from '../../../common/chat/ownSends';
import { messageBody, messageFields } from './common';

const STANDARD_DATA_KEYS = [
	'replies',
	'answer',
	'nlpClass',
	'confidence',
	'newSessionStarted',
	'endSession',
	'debugData',
];

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
	for (const [key, value] of Object.entries(data))
		if (!STANDARD_DATA_KEYS.includes(key)) customData[key] = value;
	const replies = (data.replies ?? []) as IDataObject[];
	return {
		clientId: response.clientId,
		questionId: response.questionId,
		answer:
			data.answer ??
			replies
				.filter((r) => r.type === 'text')
				.map((r) => r.text)
				.join('\n\n'),
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
	acts: true,
	value: 'send',
	name: 'Send',
	action: 'Send message and get answer',
	description: "Send a client's text or event to the bot and wait for the bot's answer",
	properties: [
		...messageFields,
		simplifyField,
		optionsCollection('How the message is sent', [
			{
				displayName: 'Use Simplified Request',
				name: 'useGet',
				type: 'boolean',
				default: false,
				description:
					"Whether to send only the client ID, text and event, in the request address (Data and Connection ID are left out). The platform then answers with the client ID, text and event only, not with the bot's reply.",
			},
		]),
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
					? await itemRequest(this, itemIndex, 'sendGet', {
							qs: { clientId: body.clientId, query: body.query, event: body.event },
						})
					: await itemRequest(this, itemIndex, 'send', { body }),
			(answer) => answer.questionId,
		);
		return simplifyOf(this, itemIndex) ? simplifyAnswer(response) : response;
	},
};
