import type { IDataObject } from 'n8n-workflow';

import { eventKindOf, eventsOfBody, fromPolledEvent, passesFilter, toTriggerItem } from '../../nodes/ChatTrigger/events';
import { TovieChatTrigger } from '../../nodes/ChatTrigger/TovieChatTrigger.node';
import { safeEqual, verifyWebhook } from '../../nodes/ChatTrigger/verify';
import { TEST_CREDENTIALS } from '../helpers/context.cts';

const token = TEST_CREDENTIALS.chatApiToken;
const reply = (extra: IDataObject = {}) => ({
	token,
	clientId: 'user-1',
	questionId: 'q-1',
	data: { replies: [{ type: 'text', text: 'Hi' }], answer: 'Hi', nlpClass: '/Start' },
	timestamp: '2026-05-01T10:00:00.123',
	blockForm: false,
	...extra,
});

describe('verifyWebhook', () => {
	it('accepts an object or an array whose events all carry the channel token', () => {
		expect(verifyWebhook(JSON.stringify(reply()), undefined, token)).toMatchObject({ ok: true });
		expect(verifyWebhook(JSON.stringify([reply(), reply()]), undefined, token)).toMatchObject({ ok: true });
		expect(verifyWebhook(undefined, [reply()], token)).toMatchObject({ ok: true });
	});
	it.each([
		['malformed JSON', '{"token": ', 400],
		['a bare string', '"hello"', 400],
		['an empty array', '[]', 400],
		['a wrong token', JSON.stringify(reply({ token: 'other' })), 401],
		['no token', JSON.stringify({ clientId: 'x' }), 401],
		['one wrong token in an array', JSON.stringify([reply(), reply({ token: 'x' })]), 401],
	])('refuses %s', (_what, raw, status) => {
		expect(verifyWebhook(raw, undefined, token)).toMatchObject({ ok: false, status });
	});
	it('never accepts when the credential has no Chat API token', () => {
		expect(verifyWebhook(JSON.stringify(reply({ token: '' })), undefined, '')).toMatchObject({ ok: false, status: 401 });
		expect(safeEqual('', '')).toBe(false);
	});
});

describe('events', () => {
	it.each([
		[reply(), 'botReply'],
		[reply({ type: 'agentResponse' }), 'agentReply'],
		[reply({ operator: { name: 'Ann' } }), 'agentReply'],
		[reply({ campaignId: 7 }), 'campaignMessage'],
		[reply({ type: 'textCampaign' }), 'campaignMessage'],
		[reply({ event: 'timeout' }), 'timeout'],
	])('classifies case %#', (event, kind) => {
		expect(eventKindOf(event as IDataObject)).toBe(kind);
	});

	it('strips the channel token from the item and adds kind, text and time', () => {
		const item = toTriggerItem(reply());
		expect(item.token).toBeUndefined();
		expect(JSON.stringify(item)).not.toContain(token);
		expect(item).toMatchObject({ eventKind: 'botReply', clientId: 'user-1', text: 'Hi', receivedTs: Date.UTC(2026, 4, 1, 10, 0, 0, 123) });
	});

	it('maps polled events to the webhook shape', () => {
		const polled = { type: 'agentResponse', clientId: 'c', event: { questionId: 'q', timestamp: '2026-01-01T00:00:00', data: { replies: [] } } };
		expect(fromPolledEvent(polled)).toMatchObject({ type: 'agentResponse', clientId: 'c', questionId: 'q' });
	});

	it('filters by kind and client', () => {
		const item = toTriggerItem(reply());
		expect(passesFilter(item, { kinds: ['botReply'] })).toBe(true);
		expect(passesFilter(item, { kinds: ['timeout'] })).toBe(false);
		expect(passesFilter(item, { kinds: [], clientId: 'user-2' })).toBe(false);
		expect(eventsOfBody([1])).toBeUndefined();
	});
});

describe('webhook()', () => {
	function call(raw: string, parameters: IDataObject = {}) {
		const response = { statusCode: 0, body: undefined as unknown, status(code: number) { this.statusCode = code; return this; }, json(body: unknown) { this.body = body; return this; } };
		const params: IDataObject = { triggerOn: ['botReply', 'agentReply', 'campaignMessage', 'timeout'], options: {}, ...parameters };
		const ctx = {
			getResponseObject: () => response,
			getRequestObject: () => ({ rawBody: Buffer.from(raw) }),
			getBodyData: () => ({}),
			getWorkflowStaticData: () => ({}),
			getCredentials: async () => TEST_CREDENTIALS,
			getNodeParameter: (name: string, fallback: unknown) => name.split('.').reduce<unknown>((o, k) => (o as IDataObject)?.[k], params) ?? fallback,
			helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
		};
		return { result: new TovieChatTrigger().webhook.call(ctx as never), response };
	}

	it('answers 200 and starts one item per event', async () => {
		const { result, response } = call(JSON.stringify([reply(), reply({ clientId: 'user-2' })]));
		const { workflowData, noWebhookResponse } = await result;
		expect(response.statusCode).toBe(200);
		expect(noWebhookResponse).toBe(true);
		expect(workflowData?.[0]).toHaveLength(2);
		expect(JSON.stringify(workflowData)).not.toContain(token);
	});

	it('starts nothing for a wrong token (401) or malformed JSON (400)', async () => {
		for (const [raw, status] of [[JSON.stringify(reply({ token: 'nope' })), 401], ['{', 400]] as const) {
			const { result, response } = call(raw);
			expect((await result).workflowData).toBeUndefined();
			expect(response.statusCode).toBe(status);
		}
	});

	it('answers 200 but starts nothing when the filters leave no event', async () => {
		const { result, response } = call(JSON.stringify(reply()), { triggerOn: ['timeout'] });
		expect((await result).workflowData).toBeUndefined();
		expect(response.statusCode).toBe(200);
		const byClient = call(JSON.stringify(reply()), { options: { clientId: 'someone-else' } });
		expect((await byClient.result).workflowData).toBeUndefined();
	});
});
