/**
 * Pure pieces of Tovie Chat: reading the answers the platform's pages do not show (async message
 * ID, unread count, the simplified GET's echo), and the memory of the messages this n8n sent.
 */
import type { IDataObject } from 'n8n-workflow';

import { asyncAnswerOf } from '../../nodes/Chat/actions/message/sendAsync.operation';
import { simplifyAnswer } from '../../nodes/Chat/actions/message/send.operation';
import { unreadCountOf } from '../../nodes/Chat/actions/messageStatus/getUnreadCount.operation';
import { statusAnswerFor } from '../../nodes/Chat/actions/messageStatus/update.operation';
import { inSpan, messagesOf, messageTextOf, repliesOf } from '../../nodes/Chat/helpers/history';
import {
	forgetOwnSends,
	OWN_SEND_KEEP_MS,
	OWN_SEND_MAX,
	ownSendOf,
	rememberOwnSend,
	savedOwnSendOf,
	withOwnSend,
} from '../../nodes/common/chat/ownSends';

describe('Send Async: "only the message ID"', () => {
	it.each([
		['plain text', 'a1b2-c3', { questionId: 'a1b2-c3' }],
		['plain text with spaces around', '  42ab \n', { questionId: '42ab' }],
		['a JSON string', '"a1b2-c3"', { questionId: 'a1b2-c3' }],
		['a JSON number', '12345', { questionId: '12345' }],
		['a number already parsed', 12345, { questionId: '12345' }],
		['a JSON object', '{"questionId":"q","extra":1}', { questionId: 'q', extra: 1 }],
		['an object already parsed', { questionId: 'q' }, { questionId: 'q' }],
		['nothing', '', {}],
		['undefined', undefined, {}],
		['a sentence', 'Message accepted', { answer: 'Message accepted' }],
		['a JSON sentence', '"Message accepted"', { answer: 'Message accepted' }],
		['broken JSON', '{"questionId": ', { answer: '{"questionId":' }],
		['a JSON array', '["q"]', { answer: '["q"]' }],
		['a number beyond 2^53', '12345678901234567891', { questionId: '12345678901234567891' }],
		[
			'an object with a numeric ID beyond 2^53',
			'{"questionId":12345678901234567891,"note":"12345678901234567891","n":7}',
			{ questionId: '12345678901234567891', note: '12345678901234567891', n: 7 },
		],
		['an object with a small numeric ID', '{"questionId":42}', { questionId: '42' }],
		['an object without questionId', '{"id":"m-1"}', { id: 'm-1' }],
		['JSON null', 'null', { answer: 'null' }],
	])('reads %s', (_what, raw, expected) => {
		expect(asyncAnswerOf(raw)).toEqual(expected);
	});
});

describe('Get Unread Count: the answer as it comes', () => {
	it.each([
		[{ count: 3 }, { count: 3 }],
		[
			{ notReadCount: 2, clientId: 'x' },
			{ notReadCount: 2, clientId: 'x', count: 2 },
		],
		[{ unreadCount: '4' }, { unreadCount: '4', count: 4 }],
		[{ messageNotReadCount: 0 }, { messageNotReadCount: 0, count: 0 }],
		[{ total: 9 }, { total: 9 }],
		[{ count: 'many' }, { count: 'many' }],
		[7, { count: 7 }],
		['7', { count: 7 }],
		[{}, {}],
		[[1, 2], { answer: [1, 2] }],
	])('%j → %j (no count made up)', (answer, expected) => {
		expect(unreadCountOf(answer)).toEqual(expected);
	});
});

describe('Send: simplify', () => {
	it('passes the simplified GET echo through without making up a bot answer', () => {
		expect(simplifyAnswer({ clientId: 'c', query: 'hi', token: '***' })).toEqual({
			clientId: 'c',
			query: 'hi',
		});
	});
	it('flattens a bot answer and keeps the $response fields apart', () => {
		const answer = simplifyAnswer({
			clientId: 'c',
			questionId: 'q',
			data: { answer: 'A', replies: [], nlpClass: '/S', tracking: 'T' },
			timestamp: 't',
		});
		expect(answer).toMatchObject({
			clientId: 'c',
			questionId: 'q',
			answer: 'A',
			nlpClass: '/S',
			customData: { tracking: 'T' },
		});
	});
});

describe('own sends', () => {
	const T = 1_800_000_000_000;
	beforeEach(() => forgetOwnSends());

	it('knows a request and, for a sync send, its answer; for an async send only the request', () => {
		rememberOwnSend('tok', { clientId: 'c', questionId: 'q1', text: 'hi', sync: true }, T);
		rememberOwnSend('tok', { clientId: 'c', questionId: 'q2', text: 'later', sync: false }, T);
		expect(ownSendOf('tok', { questionId: 'q1', isRequest: true }, T)?.sync).toBe(true);
		expect(ownSendOf('tok', { questionId: 'q1', isRequest: false }, T)?.sync).toBe(true);
		expect(ownSendOf('tok', { questionId: 'q2', isRequest: false }, T)?.sync).toBe(false);
		expect(ownSendOf('tok', { questionId: 'q3', isRequest: false }, T)).toBeUndefined();
		expect(ownSendOf('other-token', { questionId: 'q1', isRequest: true }, T)).toBeUndefined();
	});

	it('learns the questionId of a send whose answer had none from the request event, by client and text', () => {
		rememberOwnSend('tok', { clientId: 'c', text: 'hi', sync: true }, T);
		expect(
			ownSendOf('tok', { questionId: 'q9', clientId: 'someone', text: 'hi', isRequest: true }, T),
		).toBeUndefined();
		expect(
			ownSendOf('tok', { questionId: 'q9', clientId: 'c', text: 'hi', isRequest: true }, T),
		).toMatchObject({ questionId: 'q9' });
		// Now the answer is recognised too, and the same text from the same client again is not.
		expect(ownSendOf('tok', { questionId: 'q9', isRequest: false }, T)).toBeDefined();
		expect(
			ownSendOf('tok', { questionId: 'q10', clientId: 'c', text: 'hi', isRequest: true }, T),
		).toBeUndefined();
	});

	it('forgets after a while and keeps a bounded number per channel', () => {
		rememberOwnSend('tok', { clientId: 'c', questionId: 'old', text: 'x', sync: true }, T);
		expect(
			ownSendOf('tok', { questionId: 'old', isRequest: true }, T + OWN_SEND_KEEP_MS + 1),
		).toBeUndefined();
		for (let n = 0; n <= OWN_SEND_MAX; n++)
			rememberOwnSend('tok', { clientId: 'c', questionId: `q${n}`, text: 'x', sync: true }, T);
		expect(ownSendOf('tok', { questionId: 'q0', isRequest: true }, T)).toBeUndefined();
		expect(ownSendOf('tok', { questionId: `q${OWN_SEND_MAX}`, isRequest: true }, T)).toBeDefined();
	});

	it('notes a send before it goes out, completes it with the answer, keeps it when it fails (it may have arrived)', async () => {
		const global: IDataObject = {};
		const ctx = {
			getCredentials: async () => ({ chatApiToken: 'tok' }),
			getWorkflowStaticData: () => global,
		} as never;
		let seenDuringSend: unknown;
		await withOwnSend(
			ctx,
			0,
			{ clientId: 'c', text: 'hi', sync: true },
			async () => {
				seenDuringSend = ownSendOf('tok', {
					questionId: 'q-early',
					clientId: 'c',
					text: 'hi',
					isRequest: true,
				});
				return { questionId: 'q-early' };
			},
			(answer) => answer.questionId,
		);
		expect(seenDuringSend).toBeDefined();
		// Saved with the workflow for a Polling Trigger started after a restart: questionId only.
		expect(savedOwnSendOf(global, 'tok', 'q-early')).toEqual({ sync: true });
		expect(JSON.stringify(global)).not.toMatch(/tok|hi/);
		await expect(
			withOwnSend(
				ctx,
				0,
				{ clientId: 'c', text: 'lost', sync: true },
				async () => {
					throw new Error('502');
				},
				() => undefined,
			),
		).rejects.toThrow('502');
		// A 502 proves nothing: where the platform's events carry client and text, it is still known.
		expect(
			ownSendOf('tok', { questionId: 'q-x', clientId: 'c', text: 'lost', isRequest: true }),
		).toBeDefined();
	});
});

describe('Get History and the Message picker: the history answer, whatever its shape', () => {
	const bot = {
		questionId: 'q',
		timestamp: '2026-01-01T10:00:00',
		data: { replies: [], answer: 'Hi' },
	};
	it.each([
		['a bare array', [bot], { items: [bot] }],
		['{messages, total}', { messages: [bot], total: 1 }, { items: [bot], total: 1 }],
		['{history}', { history: [bot] }, { items: [bot] }],
		['{items}', { items: [bot], total: '1' }, { items: [bot] }],
		['nothing', undefined, { items: [] }],
		['an unknown wrapper', { content: [bot] }, { items: [{ content: [bot] }], unknown: true }],
		['a bare value', 'OK', { items: [{ answer: 'OK' }], unknown: true }],
	])('reads %s (never a silent empty list)', (_what, body, expected) => {
		expect(messagesOf(body)).toEqual(expected);
	});

	it.each([
		['a documented bot answer', bot, true, 'Hi'],
		[
			'a bot answer without answer',
			{
				data: {
					replies: [{ type: 'text', text: 'A' }, { type: 'image' }, { type: 'text', text: 'B' }],
				},
			},
			true,
			'A B',
		],
		['a flat bot message', { type: 'response', text: 'T', replies: [] }, true, 'T'],
		['a client text', { questionId: 'q', query: 'Q' }, false, 'Q'],
		['a client event', { questionId: 'q', event: 'E' }, false, 'E'],
		['a flat request', { type: 'request', text: 'R' }, false, 'R'],
		['nothing readable', { questionId: 'q' }, false, undefined],
	])('%s: bot message %s, text %s', (_what, message, isBot, text) => {
		expect(repliesOf(message as IDataObject) !== undefined).toBe(isBot);
		expect(messageTextOf(message as IDataObject)).toBe(text);
	});

	it('keeps a message in the span when its time cannot be read', () => {
		const at = Date.parse('2026-01-01T10:00:00Z');
		expect(inSpan(bot, at, at + 1)).toBe(true);
		expect(inSpan(bot, at + 1)).toBe(false);
		expect(inSpan(bot, undefined, at)).toBe(false);
		expect(inSpan({ questionId: 'q' }, at + 1, at + 2)).toBe(true);
	});
});

describe('Message Status → Update: what the platform answered about each message', () => {
	it.each([
		['an object, for every message', { updated: 2 }, 'a', { updated: 2 }],
		[
			'a list, its own entry',
			[{ questionId: 'a', status: 'READ' }],
			'a',
			{ questionId: 'a', status: 'READ' },
		],
		['a list, none for an unnamed message', [{ questionId: 'a', status: 'READ' }], 'b', {}],
		['a list of something else', [1, 2], 'a', { answer: [1, 2] }],
		['a bare value', 'OK', 'a', { answer: 'OK' }],
		['nothing', undefined, 'a', {}],
	])('%s', (_what, answer, questionId, expected) => {
		expect(statusAnswerFor(answer, questionId)).toEqual(expected);
	});
});
