import type { IDataObject } from 'n8n-workflow';
import { ObservableObject } from 'n8n-workflow';

import { advance, eventKey, SEEN_MAX, type CursorState } from '../../nodes/common/chat/cursor';
import {
	eventKindOf,
	fromPolledEvent,
	kindsOf,
	passesFilter,
	pollingTriggerOn,
	toTriggerItem,
	webhookTriggerOn,
	withLegacyChoices,
} from '../../nodes/common/chat/events';
import {
	claimOwnSends,
	forgetOwnSends,
	hasUnclaimedOwnSends,
	ownSendOf,
	rememberOwnSend,
	settledOwnSends,
} from '../../nodes/common/chat/ownSends';
import {
	CLAIMS_MAX,
	DEDUP_WINDOW_MS,
	dropRepeats,
	SEEN_MAX as STATIC_SEEN_MAX,
} from '../../nodes/ChatTrigger/guard';
import { startsFromNow } from '../../nodes/ChatPollingTrigger/polling';
import { TovieChatTrigger } from '../../nodes/ChatTrigger/TovieChatTrigger.node';
import { safeEqual, verifyWebhook } from '../../nodes/ChatTrigger/verify';
import {
	documentedArrayBody,
	documentedEvent,
	DOCUMENTED_TOKEN,
	DOCUMENTED_WEBHOOK_TEXT,
} from '../fixtures/chat-webhook.cts';
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
const WEBHOOK_CHOICES = (webhookTriggerOn.options ?? []).map((o) => (o as { value: string }).value);
const ALL_KINDS = kindsOf(WEBHOOK_CHOICES, 'webhook');

describe('verifyWebhook: the token is checked per event', () => {
	it('accepts an object or an array whose events carry the channel token', () => {
		expect(verifyWebhook(JSON.stringify(reply()), undefined, token)).toMatchObject({
			ok: true,
			events: [reply()],
			dropped: 0,
		});
		expect(verifyWebhook(JSON.stringify([reply(), reply()]), undefined, token)).toMatchObject({
			ok: true,
			dropped: 0,
		});
		expect(verifyWebhook(undefined, [reply()], token)).toMatchObject({
			ok: true,
			events: [reply()],
		});
	});

	it('drops the events with a wrong or missing token and keeps the others', () => {
		const verdict = verifyWebhook(
			JSON.stringify([
				reply({ token: 'x' }),
				reply({ questionId: 'q-2' }),
				{ clientId: 'no token' },
				7,
			]),
			undefined,
			token,
		);
		expect(verdict).toEqual({ ok: true, events: [reply({ questionId: 'q-2' })], dropped: 3 });
	});

	it('accepts an empty array: nothing in it, nothing refused', () => {
		expect(verifyWebhook('[]', undefined, token)).toEqual({ ok: true, events: [], dropped: 0 });
	});

	it.each([
		['malformed JSON', '{"token": ', 400],
		['a bare string', '"hello"', 400],
		['null', 'null', 400],
		['a wrong token', JSON.stringify(reply({ token: 'other' })), 401],
		['no token', JSON.stringify({ clientId: 'x' }), 401],
		[
			'no event with the token',
			JSON.stringify([reply({ token: 'x' }), reply({ token: undefined })]),
			401,
		],
		['only non-objects', '[1, "x", null]', 401],
	])('refuses %s', (_what, raw, status) => {
		expect(verifyWebhook(raw, undefined, token)).toMatchObject({ ok: false, status });
	});

	it('never accepts when the credential has no Chat API token', () => {
		expect(verifyWebhook(JSON.stringify(reply({ token: '' })), undefined, '')).toMatchObject({
			ok: false,
			status: 401,
		});
		expect(safeEqual('', '')).toBe(false);
	});
});

describe('event kinds', () => {
	it('the documented body, exactly as printed, is a bot reply (it carries no mark)', () => {
		expect(DOCUMENTED_WEBHOOK_TEXT).toContain('"replies": [ // Bot message');
		const event = documentedEvent();
		expect(Object.keys(event)).toEqual([
			'token',
			'clientId',
			'questionId',
			'data',
			'timestamp',
			'blockForm',
		]);
		expect(eventKindOf(event as IDataObject)).toBe('botReply');
		expect(toTriggerItem(event as IDataObject)).toMatchObject({
			eventKind: 'botReply',
			clientId: 'test',
			text: 'Tell the bot something',
			questionId: '12345',
		});
	});

	it.each([
		[reply({ type: 'agentResponse' }), 'agentReply'],
		[reply({ type: 'OperatorResponse' }), 'agentReply'],
		[reply({ operator: { name: 'Ann' } }), 'agentReply'],
		[reply({ campaignId: 7 }), 'campaignMessage'],
		[reply({ type: 'textCampaign' }), 'campaignMessage'],
		[reply({ event: 'timeout' }), 'timeout'],
		[reply({ type: 'somethingNew' }), 'botReply'],
		[{ ...reply(), data: {} }, 'botReply'],
	])('webhook: reads the marks some platforms send (case %#)', (event, kind) => {
		expect(eventKindOf(event as IDataObject)).toBe(kind);
	});

	it.each([
		[{ type: 'botResponse', event: { questionId: 'q', data: { answer: 'x' } } }, 'botReply'],
		// The live shape of a request is not documented: no reply means a client-side event.
		[{ type: 'botResponse', event: { questionId: 'q', data: { replies: [] } } }, 'clientRequest'],
		[
			{ type: 'anything', event: { questionId: 'q', timestamp: '2026-05-01T10:00:00' } },
			'clientRequest',
		],
		[{ type: 'agentResponse', event: { questionId: 'q', data: { answer: 'x' } } }, 'agentReply'],
		[{ type: 'clientRequest', event: { questionId: 'q', query: 'hi' } }, 'clientRequest'],
		[
			{ type: 'userRequest', event: { questionId: 'q', query: 'hi', data: { answer: 'x' } } },
			'clientRequest',
		],
		// An unknown type: a reply when it carries one, else a client-side event.
		[{ type: 'message', event: { questionId: 'q', query: 'hi' } }, 'clientRequest'],
		[{ type: 'widgetState', event: { state: { page: 2 } } }, 'clientRequest'],
		[
			{
				type: 'message',
				event: { questionId: 'q', data: { replies: [{ type: 'text', text: 'a' }] } },
			},
			'botReply',
		],
	])('polled: tells client requests from replies (case %#)', (polled, kind) => {
		expect(eventKindOf(fromPolledEvent(polled as IDataObject), 'poll')).toBe(kind);
	});

	it('gives a polled client request its own text, and the requested client when the event names none', () => {
		const item = toTriggerItem(
			fromPolledEvent(
				{ type: 'clientRequest', event: { questionId: 'q', query: 'Where is my order?' } },
				'c-1',
			),
			'poll',
		);
		expect(item).toMatchObject({
			eventKind: 'clientRequest',
			clientId: 'c-1',
			text: 'Where is my order?',
		});
	});

	it('strips the channel token from the item and adds kind, text and time (zone-less read as UTC)', () => {
		const item = toTriggerItem(reply());
		expect(item.token).toBeUndefined();
		expect(JSON.stringify(item)).not.toContain(token);
		expect(item).toMatchObject({
			eventKind: 'botReply',
			clientId: 'user-1',
			text: 'Hi',
			receivedAt: '2026-05-01T10:00:00.123+00:00',
		});
	});

	it('filters by kind and client; no kind selected lets nothing through', () => {
		const item = toTriggerItem(reply());
		expect(passesFilter(item, { kinds: ['botReply'] })).toBe(true);
		expect(passesFilter(item, { kinds: ['timeout'] })).toBe(false);
		expect(passesFilter(item, { kinds: [] })).toBe(false);
		expect(passesFilter(item, { kinds: ['botReply'], clientId: 'user-2' })).toBe(false);
	});

	it('Trigger On choices stand for item kinds; each choice says which signal it uses', () => {
		expect(kindsOf(['asyncReply'], 'webhook')).toEqual(['asyncReply']);
		expect(kindsOf(['otherMessage'], 'webhook').sort()).toEqual(
			['agentReply', 'botReply', 'campaignMessage', 'timeout'].sort(),
		);
		expect(kindsOf(['agentReply'], 'poll')).toEqual(['agentReply']);
		expect(kindsOf(['otherMessage'], 'poll')).not.toContain('agentReply');
		expect(kindsOf(['agentReply'], 'poll', true)).toEqual(['agentReply', 'clientRequest']);
		// The defaults are what works on the documented shapes.
		expect(webhookTriggerOn.default).toEqual(['asyncReply', 'otherMessage']);
		expect(pollingTriggerOn.default).toEqual(['agentReply', 'asyncReply']);
		for (const field of [webhookTriggerOn, pollingTriggerOn])
			for (const option of field.options as Array<{ description: string }>)
				expect(option.description.length).toBeGreaterThan(60);
	});

	it("reads earlier versions' Trigger On values as the choices that now cover them", () => {
		const old = ['botReply', 'agentReply', 'campaignMessage', 'timeout'];
		expect(kindsOf(old, 'webhook').sort()).toEqual(
			['agentReply', 'asyncReply', 'botReply', 'campaignMessage', 'timeout'].sort(),
		);
		expect(kindsOf(old, 'poll').sort()).toEqual(
			['agentReply', 'asyncReply', 'botReply', 'campaignMessage', 'timeout'].sort(),
		);
		const checked = withLegacyChoices([webhookTriggerOn], 'webhook')[0];
		expect((checked.options ?? []).map((o) => (o as { value: string }).value)).toEqual(
			expect.arrayContaining(['otherMessage', 'asyncReply', 'botReply', 'timeout']),
		);
	});
});

describe('where the Polling Trigger starts', () => {
	it.each([
		['activate', true], // published, or published again after an unpublish
		['create', true],
		['manual', true], // a test
		['init', false], // n8n starting up
		['leadershipChange', false],
		['update', false], // a new version, or n8n restarting a trigger that dropped out
	])('%s: from now = %s', (activation, fromNow) => {
		expect(startsFromNow(activation)).toBe(fromNow);
	});
});

describe('events cursor', () => {
	const ev = (questionId: string, timestamp: string, type = 'botResponse') => ({
		questionId,
		timestamp,
		type,
		clientId: 'c',
		data: { answer: questionId },
	});
	const t = (ms: number) => new Date(ms).toISOString().replace('Z', '');
	const T = Date.UTC(2026, 4, 1, 10, 0, 0, 0);
	const now = T + 10_000;

	it('gives each event once whether the platform repeats the boundary (inclusive) or not (exclusive)', () => {
		let state: CursorState = { ts: T - 1 };
		const first = advance(state, [ev('a', t(T)), ev('b', t(T + 5))], now);
		expect(first.fresh.map((e) => e.questionId)).toEqual(['a', 'b']);
		expect(first.state.ts).toBe(T + 5);
		state = first.state;
		// Inclusive: b again, then c. Exclusive: only c. Same output.
		const inclusive = advance(state, [ev('b', t(T + 5)), ev('c', t(T + 9))], now);
		const exclusive = advance(state, [ev('c', t(T + 9))], now);
		expect(inclusive.fresh.map((e) => e.questionId)).toEqual(['c']);
		expect(exclusive.fresh.map((e) => e.questionId)).toEqual(['c']);
		expect(inclusive.state.ts).toBe(exclusive.state.ts);
	});

	it("keeps a later event stamped in the same millisecond, and a reply sharing its request's id and time", () => {
		const first = advance({}, [ev('a', t(T))], now);
		const next = advance(
			first.state,
			[ev('a', t(T)), ev('b', t(T)), ev('a', t(T), 'clientRequest')],
			now,
		);
		expect(next.fresh.map((e) => `${e.questionId}:${e.type}`)).toEqual([
			'b:botResponse',
			'a:clientRequest',
		]);
	});

	it('steps 1 ms past an answer that held only repeats, so the next poll waits instead of spinning', () => {
		const first = advance({}, [ev('a', t(T))], now);
		const repeat = advance(first.state, [ev('a', t(T))], now);
		expect(repeat.fresh).toEqual([]);
		expect(repeat.state).toMatchObject({ ts: T + 1, repeats: 1 });
		expect(advance(repeat.state, [], now).state).toMatchObject({ ts: T + 1, repeats: 0 });
	});

	it('never moves back, and asks in the platform scale when timestamps read hours ahead (wrong zone)', () => {
		expect(advance({ ts: T + 50 }, [ev('old', t(T))], now).state.ts).toBe(T + 50);
		// Read 3 h ahead: the offset is learned, the cursor is the event's own time (more: chat-zones).
		const ahead = advance({ ts: T }, [ev('ahead', t(T + 5 + 3 * 3600_000))], now).state;
		expect(ahead).toMatchObject({ ts: T + 5, stampOffset: 3 * 3600_000 });
		expect(advance({ ts: T }, [], now).state.ts).toBe(T);
	});

	it('remembers a bounded number of events', () => {
		const many = Array.from({ length: SEEN_MAX + 10 }, (_, n) => ev(`q${n}`, t(T + n)));
		const { state } = advance({}, many, T + SEEN_MAX + 100);
		expect(state.seen).toHaveLength(SEEN_MAX);
		expect(state.seen?.[0]).toBe(eventKey(many[10]));
	});
});

describe('webhook()', () => {
	// Each call is to a trigger of its own: the trigger remembers delivered events per node in memory.
	let nodes = 0;
	function call(
		raw: string,
		parameters: IDataObject = {},
		credentials: IDataObject = TEST_CREDENTIALS,
	) {
		const response = {
			statusCode: 0,
			body: undefined as unknown,
			status(code: number) {
				this.statusCode = code;
				return this;
			},
			json(body: unknown) {
				this.body = body;
				return this;
			},
		};
		const params: IDataObject = { triggerOn: WEBHOOK_CHOICES, options: {}, ...parameters };
		const node = { id: `node-${++nodes}`, parameters: params };
		const ctx = {
			getResponseObject: () => response,
			getRequestObject: () => ({ rawBody: Buffer.from(raw) }),
			getBodyData: () => ({}),
			getWorkflowStaticData: () => ({}),
			getCredentials: async () => credentials,
			getWorkflow: () => ({ id: 'unit-workflow' }),
			getNode: () => node,
			getNodeParameter: (name: string, fallback: unknown) =>
				name.split('.').reduce<unknown>((o, k) => (o as IDataObject)?.[k], params) ?? fallback,
			helpers: { returnJsonArray: (items: IDataObject[]) => items.map((json) => ({ json })) },
		};
		return { result: new TovieChatTrigger().webhook.call(ctx as never), response };
	}
	const documented = (parameters: IDataObject = {}) =>
		call(documentedArrayBody(), parameters, {
			...TEST_CREDENTIALS,
			chatApiToken: DOCUMENTED_TOKEN,
		});

	it('answers 200 and starts one item per event', async () => {
		const { result, response } = call(JSON.stringify([reply(), reply({ clientId: 'user-2' })]));
		const { workflowData, noWebhookResponse } = await result;
		expect(response.statusCode).toBe(200);
		expect(noWebhookResponse).toBe(true);
		expect(workflowData?.[0]).toHaveLength(2);
		expect(JSON.stringify(workflowData)).not.toContain(token);
	});

	it.each([
		[['otherMessage'], 1],
		[['asyncReply'], 0],
		[WEBHOOK_CHOICES, 1],
		// Saved by an earlier version.
		[['botReply'], 1],
		[['timeout'], 1],
	])(
		'the documented body with Trigger On %j starts %i item(s), as the editor says',
		async (triggerOn, count) => {
			const { result, response } = documented({ triggerOn });
			const items = (await result).workflowData?.[0] ?? [];
			expect(response.statusCode).toBe(200);
			expect(items).toHaveLength(count);
			if (count)
				expect(items[0].json).toMatchObject({
					eventKind: 'botReply',
					clientId: 'test',
					text: 'Tell the bot something',
					timestamp: '2022-09-28T12:32:13.262',
				});
		},
	);

	it('starts nothing for a wrong token (401) or malformed JSON (400); [] is answered 200', async () => {
		for (const [raw, status] of [
			[JSON.stringify(reply({ token: 'nope' })), 401],
			['{', 400],
			['[]', 200],
		] as const) {
			const { result, response } = call(raw);
			expect((await result).workflowData).toBeUndefined();
			expect(response.statusCode).toBe(status);
		}
	});

	it('starts the events with the token and says how many others it dropped', async () => {
		const { result, response } = call(
			JSON.stringify([reply({ token: 'forged' }), reply({ questionId: 'q-9' })]),
		);
		expect((await result).workflowData?.[0].map((i) => i.json.questionId)).toEqual(['q-9']);
		expect(response.body).toEqual({ received: 1, dropped: 1 });
	});

	it('answers 200 but starts nothing when the filters leave no event', async () => {
		const { result, response } = call(JSON.stringify(reply()), { triggerOn: ['asyncReply'] });
		expect((await result).workflowData).toBeUndefined();
		expect(response.statusCode).toBe(200);
		const byClient = call(JSON.stringify(reply()), { options: { clientId: 'someone-else' } });
		expect((await byClient.result).workflowData).toBeUndefined();
	});
});

describe('dropRepeats: repeat detection per trigger', () => {
	let triggers = 0;
	// A trigger of its own per test: the claims of this process are module state.
	const newScope = () => `wf-unit|trigger-${++triggers}`;
	const copy = <T,>(data: T): T => JSON.parse(JSON.stringify(data)) as T;
	const T0 = 1_800_000_000_000;

	it('two identical deliveries at the same moment, each with its own copy of static data, pass once', () => {
		const scope = newScope();
		const saved: IDataObject = {};
		// n8n hands each webhook call its own copy of the workflow's static data.
		const [first, second] = [copy(saved), copy(saved)];
		expect(dropRepeats([reply()], scope, first, T0)).toHaveLength(1);
		expect(dropRepeats([reply()], scope, second, T0)).toHaveLength(0);
		// The same event to another trigger is new there.
		expect(dropRepeats([reply()], newScope(), {}, T0)).toHaveLength(1);
	});

	it('a retry seen by another process (or after a restart) is caught through static data', () => {
		const scope = newScope();
		const saved: IDataObject = {};
		expect(dropRepeats([reply()], scope, saved, T0)).toHaveLength(1);
		jest.isolateModules(() => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const fresh =
				require('../../nodes/ChatTrigger/guard') as typeof import('../../nodes/ChatTrigger/guard');
			expect(fresh.dropRepeats([reply()], scope, copy(saved), T0 + 3000)).toHaveLength(0);
			expect(
				fresh.dropRepeats([reply({ questionId: 'q-2' })], scope, copy(saved), T0),
			).toHaveLength(1);
		});
	});

	it('tells apart replies sharing a questionId, keeps events without one, and forgets after the window', () => {
		const scope = newScope();
		const data: IDataObject = {};
		const events = [
			reply(),
			reply(),
			reply({ timestamp: '2026-05-01T10:00:05.000' }),
			reply({ type: 'agentResponse' }),
			reply({ questionId: undefined }),
			reply({ questionId: undefined }),
		];
		expect(dropRepeats(events, scope, data, T0)).toHaveLength(5);
		expect(dropRepeats([reply()], scope, data, T0 + DEDUP_WINDOW_MS)).toHaveLength(0);
		expect(dropRepeats([reply()], scope, data, T0 + DEDUP_WINDOW_MS + 1)).toHaveLength(1);
	});

	it('keeps static data small: short hashes, at most the cap, written only for a new event, other keys left alone', () => {
		const scope = newScope();
		const registration = { channelId: 7, previousUrl: 'https://old.example/hook' };
		// What earlier versions left: flat keys next to the registration.
		const legacy = { 'q-0|user-1|2026-05-01T10:00:00.000|': T0, registration };
		const many = Array.from({ length: STATIC_SEEN_MAX + 200 }, (_, n) =>
			reply({ questionId: `q-${n}` }),
		);
		const data = copy(legacy) as IDataObject;
		expect(dropRepeats(many, scope, data, T0)).toHaveLength(many.length);
		const seen = data.seen as IDataObject;
		expect(Object.keys(seen)).toHaveLength(STATIC_SEEN_MAX);
		expect(Object.keys(seen).every((key) => /^[0-9a-f]{16}$/.test(key))).toBe(true);
		expect(Object.keys(data).sort()).toEqual(['registration', 'seen']);
		expect(data.registration).toEqual(registration);

		// n8n saves static data only when it changed: a repeat changes nothing, a new event does.
		const workflowData = ObservableObject.create(copy({ node: data })) as IDataObject & {
			__dataChanged: boolean;
		};
		const node = workflowData.node as IDataObject;
		expect(dropRepeats([many[many.length - 1]], newScope(), node, T0 + 1000)).toHaveLength(0);
		expect(workflowData.__dataChanged).toBe(false);
		expect(dropRepeats([reply({ questionId: 'new' })], scope, node, T0 + 1000)).toHaveLength(1);
		expect(workflowData.__dataChanged).toBe(true);
		expect(Object.keys(node.seen as IDataObject)).toHaveLength(STATIC_SEEN_MAX);
		expect(node.registration).toEqual(registration);
	});

	it('bounds the memory of the process: the oldest claims go first', () => {
		const scope = newScope();
		expect(dropRepeats([reply({ questionId: 'oldest' })], scope, {}, T0)).toHaveLength(1);
		const others = Array.from({ length: CLAIMS_MAX }, (_, n) => reply({ questionId: `o-${n}` }));
		dropRepeats(others, scope, {}, T0 + 1);
		expect(dropRepeats([reply({ questionId: 'oldest' })], scope, {}, T0 + 2)).toHaveLength(1);
		expect(dropRepeats([others[others.length - 1]], scope, {}, T0 + 2)).toHaveLength(0);
	});
});

describe('own sends: known by the questionId the platform answered', () => {
	afterEach(() => forgetOwnSends());

	it('recognises a send by questionId; by client and text only when the event carries them', () => {
		rememberOwnSend('t', { clientId: 'c', text: 'hi', sync: true, questionId: 'q-1' });
		rememberOwnSend('t', { clientId: 'c', text: 'later', sync: true });
		expect(ownSendOf('t', { questionId: 'q-1', isRequest: false })).toBeDefined();
		// The documented /events shape: no client, no text: nothing to match by.
		expect(ownSendOf('t', { questionId: 'q-2', isRequest: true })).toBeUndefined();
		expect(
			ownSendOf('t', { questionId: 'q-2', clientId: 'c', text: 'later', isRequest: true }),
		).toBeDefined();
		// …and the reply then by its questionId.
		expect(ownSendOf('t', { questionId: 'q-2', isRequest: false })).toBeDefined();
		expect(ownSendOf('other-token', { questionId: 'q-1', isRequest: false })).toBeUndefined();
	});

	it('holds the events while a send waits for its answer, and not longer than the cap', async () => {
		let settle = () => {};
		rememberOwnSend('t', {
			clientId: 'c',
			sync: true,
			settled: new Promise<void>((resolve) => (settle = resolve)),
		});
		let done = false;
		const waiting = settledOwnSends('t', 5000).then(() => (done = true));
		await new Promise((resolve) => setTimeout(resolve, 30));
		expect(done).toBe(false);
		settle();
		await waiting;
		expect(done).toBe(true);
		const start = Date.now();
		rememberOwnSend('t', { clientId: 'c', sync: true, settled: new Promise<void>(() => {}) });
		await settledOwnSends('t', 50);
		expect(Date.now() - start).toBeLessThan(1000);
	});

	it('a send answered without a questionId claims the one new message, never one of several', () => {
		rememberOwnSend('t', { clientId: 'c', sync: true, answeredWithoutId: true });
		expect(hasUnclaimedOwnSends('t')).toBe(true);
		claimOwnSends('t', ['q-c', 'q-c']);
		expect(hasUnclaimedOwnSends('t')).toBe(false);
		expect(ownSendOf('t', { questionId: 'q-c', isRequest: false })?.sync).toBe(true);
		// Two new messages at once: it cannot tell, claims none, and is not tried again later.
		rememberOwnSend('t', { clientId: 'c', sync: true, answeredWithoutId: true });
		claimOwnSends('t', ['q-a', 'q-b']);
		expect(hasUnclaimedOwnSends('t')).toBe(false);
		claimOwnSends('t', ['q-d']);
		expect(ownSendOf('t', { questionId: 'q-d', isRequest: false })).toBeUndefined();
		expect(ownSendOf('t', { questionId: 'q-a', isRequest: false })).toBeUndefined();
	});
});
