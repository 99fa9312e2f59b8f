import type { IDataObject } from 'n8n-workflow';

import { timestampMs } from '../../common/chat/timestamps';

/** One answer of the history route, read whatever its shape (docs/platform-assumptions.md, Chat API). */
export interface HistoryPage {
	items: IDataObject[];
	/** Only when the answer has a numeric `total`. */
	total?: number;
	/** The answer held no list the node knows: it is `items[0]`, unchanged, never an empty list. */
	unknown?: true;
}

/** Keys a wrapper may hold the list under; none of them is documented. */
const LIST_KEYS = ['messages', 'history', 'items'];

const isObject = (value: unknown): value is IDataObject =>
	!!value && typeof value === 'object' && !Array.isArray(value);

/**
 * The messages of a history answer. The pages do not show it: a bare array is read as the list,
 * and so is an array under `messages`, `history` or `items` (with `total` when it is a number).
 * Anything else is passed on as one unknown item rather than read as "no messages"; an empty
 * answer is no messages.
 */
export function messagesOf(body: unknown): HistoryPage {
	if (Array.isArray(body)) return { items: body as IDataObject[] };
	if (body === undefined || body === null || body === '') return { items: [] };
	if (!isObject(body)) return { items: [{ answer: body as IDataObject }], unknown: true };
	const key = LIST_KEYS.find((name) => Array.isArray(body[name]));
	if (!key) return { items: [body], unknown: true };
	return {
		items: body[key] as IDataObject[],
		total: typeof body.total === 'number' ? body.total : undefined,
	};
}

/**
 * The bot's replies of a history message: under `data` in the documented answer object, or at
 * the top. Only bot messages have replies, so this is also how a bot message is told from a
 * client's (no `type` field is documented).
 */
export function repliesOf(message: IDataObject): IDataObject[] | undefined {
	const data = isObject(message.data) ? message.data : {};
	const replies = data.replies ?? message.replies;
	return Array.isArray(replies) ? (replies as IDataObject[]) : undefined;
}

const textOf = (value: unknown) =>
	typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** What a history message says: the bot's `answer` or text replies, else a client's text or event. */
export function messageTextOf(message: IDataObject): string | undefined {
	const data = isObject(message.data) ? message.data : {};
	const replies = (repliesOf(message) ?? [])
		.map((reply) => textOf(reply.text))
		.filter((text) => text !== undefined);
	return (
		textOf(data.answer) ??
		(replies.length ? replies.join(' ') : undefined) ??
		textOf(message.text) ??
		textOf(message.query) ??
		textOf(message.event)
	);
}

/**
 * Whether a message lies in [from, to). The platform may ignore the node's `from`/`to`, so the
 * node applies them too; a message without a readable `timestamp` is kept (it cannot be placed).
 * `zone`: the zone the platform writes its timestamps in (`chatZoneOf`).
 */
export function inSpan(message: IDataObject, from?: number, to?: number, zone?: string): boolean {
	const at = timestampMs(message.timestamp, zone);
	return at === undefined || ((from === undefined || at >= from) && (to === undefined || at < to));
}
