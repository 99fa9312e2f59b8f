import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { withOwnSend } from '../../../common/chat/ownSends';
import { messageBody, messageFields } from './common';

/**
 * The async answer is "only the message ID" (docs/platform-assumptions.md, "Async answer"): plain
 * text, a JSON string or number, or an object. Whatever it is, the message was accepted, so this
 * never fails: an answer that is no ID is kept as `answer`.
 */
export function asyncAnswerOf(raw: unknown): IDataObject {
	if (raw && typeof raw === 'object' && !Array.isArray(raw)) return raw as IDataObject;
	if (typeof raw === 'number') return { questionId: String(raw) };
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (!text) return {};
	let parsed: unknown = text;
	try {
		parsed = JSON.parse(text);
	} catch {
		// plain text
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
	if (
		typeof parsed === 'number' ||
		(typeof parsed === 'string' && /^[^\s{}[\]"]{1,200}$/.test(parsed))
	)
		return { questionId: String(parsed) };
	return { answer: typeof parsed === 'string' ? parsed : text };
}

export const sendAsync: Operation = {
	acts: true,
	value: 'sendAsync',
	name: 'Send Without Waiting',
	action: 'Send message without waiting',
	description:
		"Send a client's text or event without waiting for the bot: the node returns the message ID at once, and the bot's reply arrives later through Tovie Chat Trigger (or Tovie Chat Polling Trigger)",
	properties: messageFields,
	async execute(this: IExecuteFunctions, itemIndex: number) {
		const body = messageBody(this, itemIndex);
		// The request is this n8n's own; the bot's reply still reaches the triggers, as on the webhook.
		const answer = await withOwnSend(
			this,
			itemIndex,
			{ clientId: String(body.clientId), text: String(body.query ?? body.event), sync: false },
			async () =>
				asyncAnswerOf(
					await itemRequest<unknown>(this, itemIndex, 'sendAsync', { body, responseType: 'text' }),
				),
			(parsed) => parsed.questionId,
		);
		return { clientId: body.clientId, ...answer };
	},
};
