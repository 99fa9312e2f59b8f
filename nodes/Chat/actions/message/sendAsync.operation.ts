import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { Operation } from '../../../common/router';
import { itemRequest } from '../../api';
import { withOwnSend } from '../../../common/chat/ownSends';
import { messageBody, messageFields } from './common';

/** An ID sent bare: plain text or a JSON number, one token (not JSON's `null`, `true`, `false`). */
const BARE_ID = /^(?!(?:null|true|false)$)[^\s{}[\]"]{1,200}$/;

/**
 * JSON text with every integer beyond 2^53 (which `JSON.parse` would round) written as a string
 * of its digits, so a numeric questionId keeps all of them. Strings are skipped as they are.
 */
export function withLongIntegersAsText(text: string): string {
	return text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (token) =>
		/^-?\d+$/.test(token) && !Number.isSafeInteger(Number(token)) ? `"${token}"` : token,
	);
}

/**
 * The async answer is "only the message ID" (docs/platform-assumptions.md, "Async answer"): plain
 * text, a JSON string or number, or an object. Whatever it is, the message was accepted, so this
 * never fails. A bare ID keeps its characters (a number is never parsed: digits past 2^53 would be
 * lost); an object is passed through, its `questionId` as a string, and without one it has none
 * (the node does not guess another field); an answer that is no ID is kept as `answer`.
 */
export function asyncAnswerOf(raw: unknown): IDataObject {
	if (raw && typeof raw === 'object' && !Array.isArray(raw)) return withTextId(raw as IDataObject);
	if (typeof raw === 'number') return { questionId: String(raw) };
	const text = typeof raw === 'string' ? raw.trim() : '';
	if (!text) return {};
	if (BARE_ID.test(text)) return { questionId: text };
	let parsed: unknown = text;
	try {
		parsed = JSON.parse(withLongIntegersAsText(text));
	} catch {
		// plain text
	}
	if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
		return withTextId(parsed as IDataObject);
	if (typeof parsed === 'string' && BARE_ID.test(parsed)) return { questionId: parsed };
	return { answer: typeof parsed === 'string' ? parsed : text };
}

/** `questionId` is a string in every output, as the other answers carry it. */
function withTextId(answer: IDataObject): IDataObject {
	return typeof answer.questionId === 'number'
		? { ...answer, questionId: String(answer.questionId) }
		: answer;
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
