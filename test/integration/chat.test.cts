/**
 * Every Tovie Chat operation as a real workflow through n8n-core against the fake platform:
 * success, failure, continueOnFail, pairedItem, and no secret anywhere in the run.
 */
import type { IDataObject } from 'n8n-workflow';

import { listSearch } from '../../nodes/Chat/methods/search';
import { formatIso } from '../../nodes/common/dates';
import type { HistoryItems, HistoryParams, HistoryShape } from '../helpers/fake-platform/chat.cts';
import { startFakePlatform, type FakePlatform } from '../helpers/fake-platform/server.cts';
import { loadOptionsContext } from '../helpers/load-options.cts';
import {
	runNode,
	runWorkflow,
	WORKFLOW_TIMEZONE,
	type WorkflowResult,
} from '../helpers/harness.cts';
import {
	credentialsFor,
	expectNoSecrets,
	SECRETS,
	useFastRetries,
} from '../helpers/integration.cts';

const TOKEN = SECRETS.chatApiToken;
let fake: FakePlatform;
let credentials: ReturnType<typeof credentialsFor>;
const runs: WorkflowResult[] = [];

useFastRetries();
beforeAll(async () => {
	fake = await startFakePlatform({ chat: { tokens: [TOKEN], longPollMs: 300 } });
	credentials = credentialsFor(fake);
});
afterEach(() => fake.reset());
afterAll(async () => {
	expectNoSecrets(runs.map((run) => run.serialized));
	await fake.close();
});

async function chat(
	parameters: IDataObject,
	items: IDataObject[] = [{}],
	options: { continueOnFail?: boolean; credentials?: IDataObject } = {},
) {
	const result = await runNode(
		'tovieChat',
		parameters,
		items,
		(options.credentials ?? credentials) as never,
		{ continueOnFail: options.continueOnFail },
	);
	runs.push(result);
	return result;
}

const send = (extra: IDataObject = {}) => ({
	resource: 'message',
	operation: 'send',
	clientId: 'user-1',
	...extra,
});

describe('Message → Send', () => {
	it('sends a text and returns the simplified answer', async () => {
		const result = await chat(send({ query: 'hello' }));
		expect(result.status).toBe('success');
		const [answer] = result.json();
		expect(answer).toMatchObject({
			clientId: 'user-1',
			nlpClass: '/Start',
			newSessionStarted: true,
			endSession: false,
		});
		expect(answer.answer).toBe('Hello! I am the test bot.');
		expect(answer.questionId).toMatch(/^[0-9a-f-]{36}$/);
		expect(fake.requestsTo('POST', /^\/chatapi\//)[0].body).toEqual({
			clientId: 'user-1',
			query: 'hello',
		});
	});

	it('fires an event with data and cid; fields the script sets on $response come back under customData', async () => {
		fake.chat.responseData = { trackingUrl: 'https://t.example/1', eta: { days: 2 } };
		const result = await chat(
			send({ event: 'orderShipped', additionalFields: { data: '{"foo":"bar"}', cid: 'conn-7' } }),
		);
		const [answer] = result.json();
		expect(answer.answer).toBe('Event orderShipped received');
		// The request's data goes to the bot; it is not echoed back.
		expect(answer.customData).toEqual({ trackingUrl: 'https://t.example/1', eta: { days: 2 } });
		expect(fake.requests[0].body).toEqual({
			clientId: 'user-1',
			event: 'orderShipped',
			cid: 'conn-7',
			data: { foo: 'bar' },
		});
		fake.chat.responseData = {};
		expect((await chat(send({ query: 'plain' }))).json()[0].customData).toEqual({});
	});

	it('returns the raw answer with the echoed token redacted when Simplify is off', async () => {
		const [raw] = (await chat(send({ query: 'hi', simplify: false }))).json();
		expect(raw.token).toBe('***');
		expect((raw.data as IDataObject).replies).toEqual([
			{ type: 'text', text: 'You said: hi', state: '/Echo' },
		]);
	});

	it("puts the answer's own timestamp in the workflow zone and leaves the bot's custom fields as sent", async () => {
		fake.chat.responseData = {
			timestamp: 1714557600,
			customData: { timestamp: '2024-05-01T10:00:00' },
		};
		const [raw] = (await chat(send({ query: 'hi', simplify: false }))).json();
		const [simple] = (await chat(send({ query: 'hi' }))).json();
		const sent = fake.chat.history(TOKEN, 'user-1').filter((m) => m.type === 'response');
		expect([raw.timestamp, simple.timestamp]).toEqual(
			sent.map((m) => formatIso(Date.parse(`${m.timestamp}Z`), WORKFLOW_TIMEZONE)),
		);
		expect(raw.data).toMatchObject({
			timestamp: 1714557600,
			customData: { timestamp: '2024-05-01T10:00:00' },
		});
		expect(simple.customData).toEqual({
			timestamp: 1714557600,
			customData: { timestamp: '2024-05-01T10:00:00' },
		});
	});

	it("uses the simplified GET method, whose documented answer is the request's clientId, query and event", async () => {
		const [echo] = (await chat(send({ query: 'ping', options: { useGet: true } }))).json();
		expect(echo).toEqual({ clientId: 'user-1', query: 'ping' });
		expect(fake.requests[0]).toMatchObject({
			method: 'GET',
			query: { clientId: 'user-1', query: 'ping' },
		});
		expect(fake.chat.history(TOKEN, 'user-1').map((m) => m.text)).toEqual([
			'ping',
			'You said: ping',
		]);
		// A platform that answers with the whole bot answer is simplified as usual.
		fake.chat.simplifiedGetAnswer = 'full';
		const [full] = (await chat(send({ event: 'pong', options: { useGet: true } }))).json();
		expect(full).toMatchObject({
			clientId: 'user-1',
			answer: 'Event pong received',
			nlpClass: '/Event/pong',
		});
	});

	it('never repeats a simplified GET send that may have arrived (it acts like a POST)', async () => {
		fake.inject({ method: 'GET', path: /^\/chatapi\/[^/]+$/, status: 502 });
		expect((await chat(send({ query: 'once', options: { useGet: true } }))).error?.message).toMatch(
			/\[502/,
		);
		expect(fake.requests).toHaveLength(1);
	});

	it('sends one request per item and keeps pairedItem, expressions included', async () => {
		const result = await chat(send({ clientId: '={{ $json.user }}', query: '={{ $json.text }}' }), [
			{ user: 'a', text: 'one' },
			{ user: 'b', text: 'two' },
		]);
		expect(result.json().map((j) => j.answer)).toEqual(['You said: one', 'You said: two']);
		expect(result.output().map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it.each([
		// A literal empty required field is refused by n8n itself; an expression can still be empty.
		[{ clientId: '={{ $json.missing }}', query: 'x' }, 'Client ID is empty [item 0]'],
		[{ query: 'x', event: 'y' }, 'Text and Event Name are both set [item 0]'],
		[{}, 'Text or Event Name is required [item 0]'],
		[{ query: 'x', additionalFields: { data: '{oops' } }, 'Data (JSON) is not valid JSON [item 0]'],
		[
			{ query: 'x', additionalFields: { data: '[1]' } },
			'Data (JSON) must be a JSON object [item 0]',
		],
	])('refuses bad input %j before any request', async (extra, message) => {
		const result = await chat(send(extra));
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe(message);
		expect(fake.requests).toHaveLength(0);
	});

	it('reports an unknown token without revealing it', async () => {
		const result = await chat(send({ query: 'x' }), [{}], {
			credentials: credentialsFor(fake, {
				chatApiToken: 'Unknown1:ffffffffffffffffffffffffffffffffffffffff',
			}),
		});
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(
			/^The platform did not find the resource.*\[404 Not Found\]/,
		);
		expectNoSecrets([result.serialized], ['Unknown1:ffffffffffffffffffffffffffffffffffffffff']);
		expect(fake.requests[0].status).toBe(404);
	});

	it('says which secret is missing, before sending', async () => {
		const result = await chat(send({ query: 'x' }), [{}], {
			credentials: credentialsFor(fake, { chatApiToken: '' }),
		});
		expect(result.error?.message).toBe('The credential has no Chat API Token');
		expect(fake.requests).toHaveLength(0);
	});

	it('with continueOnFail, bad items become error items and good items go through', async () => {
		const result = await chat(
			send({ query: '={{ $json.text }}' }),
			[{ text: 'first' }, { text: '' }, { text: 'third' }],
			{ continueOnFail: true },
		);
		expect(result.status).toBe('success');
		const out = result.json();
		expect(out.map((j) => j.answer ?? j.error)).toEqual([
			'You said: first',
			'Text or Event Name is required [item 1]',
			'You said: third',
		]);
		expect(result.output().map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(fake.requests).toHaveLength(2);
	});

	it('does not repeat a send after a 502 (it may have been received) but does after a 429', async () => {
		fake.inject({ method: 'POST', path: /^\/chatapi\/[^/]+$/, status: 502 });
		expect((await chat(send({ query: 'once' }))).error?.message).toMatch(/\[502/);
		expect(fake.requests).toHaveLength(1);
		fake.reset();
		fake.inject({
			method: 'POST',
			path: /^\/chatapi\/[^/]+$/,
			status: 429,
			headers: { 'Retry-After': '0' },
		});
		expect((await chat(send({ query: 'twice' }))).json()[0].answer).toBe('You said: twice');
		expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
	});
});

describe('Message → Send Without Waiting', () => {
	it('returns the message id at once and the reply reaches the webhook', async () => {
		const received: unknown[] = [];
		const http = await import('node:http');
		const receiver = http.createServer((req, res) => {
			let body = '';
			req
				.on('data', (c) => (body += c))
				.on('end', () => {
					received.push(JSON.parse(body));
					res.end();
				});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		fake.chat.setWebhook(
			TOKEN,
			`http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`,
		);
		try {
			const [out] = (
				await chat({
					resource: 'message',
					operation: 'sendAsync',
					clientId: 'user-9',
					query: 'later',
				})
			).json();
			expect(out.clientId).toBe('user-9');
			expect(out.questionId).toMatch(/^[0-9a-f-]{36}$/);
			await fake.chat.waitForDeliveries(1);
			expect(JSON.stringify(received)).toContain('You said: later');
		} finally {
			fake.chat.setWebhook(TOKEN, undefined);
			receiver.close();
		}
	});

	it.each(['text', 'json', 'jsonString', 'number', 'bigNumber'] as const)(
		'reads the message ID whether the platform answers it as %s',
		async (asyncAnswer) => {
			fake.chat.asyncAnswer = asyncAnswer;
			const result = await chat({
				resource: 'message',
				operation: 'sendAsync',
				clientId: 'user-9',
				query: 'later',
			});
			const [out] = result.json();
			const [sent] = fake.chat.history(TOKEN, 'user-9');
			expect(out).toEqual({ clientId: 'user-9', questionId: sent.questionId });
			expect(fake.requests[0].status).toBe(200);
		},
	);

	it.each([
		['an empty body', { emptyBody: true }, { clientId: 'u' }],
		[
			'a sentence as a JSON string',
			{ body: 'Message accepted' },
			{ clientId: 'u', answer: 'Message accepted' },
		],
		['broken JSON', { invalidJson: true }, { clientId: 'u', answer: '{"truncated": tru' }],
		[
			'an object with more fields',
			{ body: { questionId: 'q-1', status: 'queued' } },
			{ clientId: 'u', questionId: 'q-1', status: 'queued' },
		],
		[
			'an object without questionId (passed through; no ID guessed from other fields)',
			{ body: { id: 'm-1', accepted: true } },
			{ clientId: 'u', id: 'm-1', accepted: true },
		],
	])('never fails after the platform accepted the message: %s', async (_what, reply, expected) => {
		fake.inject({ method: 'POST', path: /\/async$/, status: 200, ...reply });
		const result = await chat({
			resource: 'message',
			operation: 'sendAsync',
			clientId: 'u',
			query: 'x',
		});
		expect(result.status).toBe('success');
		expect(result.json()).toEqual([expected]);
	});

	it('refuses both text and event', async () => {
		const result = await chat({
			resource: 'message',
			operation: 'sendAsync',
			clientId: 'u',
			query: 'a',
			event: 'b',
		});
		expect(result.error?.message).toBe('Text and Event Name are both set [item 0]');
	});
});

describe('Message → Get History', () => {
	beforeEach(async () => {
		for (const text of ['one', 'two', 'three']) await chat(send({ clientId: 'hist', query: text }));
		fake.requests.length = 0;
	});

	it('returns all messages, paging at 250', async () => {
		const result = await chat({
			resource: 'message',
			operation: 'getHistory',
			clientId: 'hist',
			returnAll: true,
		});
		// The default history items are the documented shapes: a request's query, a bot answer's data.
		expect(result.json().map((m) => m.query ?? ((m.data as IDataObject).answer as string))).toEqual(
			['one', 'You said: one', 'two', 'You said: two', 'three', 'You said: three'],
		);
		expect(fake.requests[0].query).toMatchObject({ limit: '250', offset: '0' });
	});

	it('honours Limit and the time span', async () => {
		expect(
			(
				await chat({ resource: 'message', operation: 'getHistory', clientId: 'hist', limit: 2 })
			).json(),
		).toHaveLength(2);
		const future = (
			await chat({
				resource: 'message',
				operation: 'getHistory',
				clientId: 'hist',
				returnAll: true,
				filters: { from: '2999-01-01T00:00:00Z' },
			})
		).json();
		expect(future).toEqual([]);
	});

	it('refuses From after To', async () => {
		const result = await chat({
			resource: 'message',
			operation: 'getHistory',
			clientId: 'hist',
			filters: { from: '2026-02-01', to: '2026-01-01' },
		});
		expect(result.error?.message).toBe('From is after To [item 0]');
	});
});

describe.each([true, false])(
	'Event → Get Many (platform ts inclusive: %s)',
	(eventsTsInclusive) => {
		beforeEach(() => {
			fake.chat.eventsTsInclusive = eventsTsInclusive;
		});
		const answers = (events: IDataObject[]) =>
			events.map((e) => ((e.event as IDataObject).data as IDataObject).answer);

		it('reads agent replies by long polling and follows nextTs without repeats or gaps', async () => {
			fake.chat.pushAgentReply(TOKEN, 'ev-1', 'first');
			fake.chat.pushAgentReply(TOKEN, 'ev-1', 'second');
			const first = (
				await chat({
					resource: 'event',
					operation: 'getAll',
					clientId: 'ev-1',
					ts: '0',
					options: { waitSeconds: 2 },
				})
			).json();
			expect(answers(first)).toEqual(['first', 'second']);
			// The message's own timestamp is in the workflow zone, like a Send answer's.
			const [stamped] = fake.chat.events(TOKEN);
			expect((first[0].event as IDataObject).timestamp).toBe(
				formatIso(stamped.ts, WORKFLOW_TIMEZONE),
			);
			// Events carry only their timestamp; the node reads it (zone-less: UTC) for ts and nextTs.
			const newest = fake.chat.events(TOKEN)[1].ts;
			expect(first[1]).toMatchObject({ ts: newest, nextTs: newest });
			expect((first[1].event as IDataObject).ts).toBeUndefined();
			fake.chat.pushAgentReply(TOKEN, 'ev-1', 'third');
			const next = (
				await chat({
					resource: 'event',
					operation: 'getAll',
					clientId: 'ev-1',
					ts: String(first[1].nextTs),
					options: { waitSeconds: 2 },
				})
			).json();
			expect(answers(next)).toEqual(['third']);
			const quiet = (
				await chat({
					resource: 'event',
					operation: 'getAll',
					clientId: 'ev-1',
					ts: String(next[0].nextTs),
					options: { waitSeconds: 1, output: 'batch' },
				})
			).json();
			expect(quiet).toEqual([{ events: [], count: 0, nextTs: next[0].nextTs }]);
		});

		it('drains full pages of 250 without repeating the event at the page boundary', async () => {
			for (let n = 0; n < 260; n++) fake.chat.pushAgentReply(TOKEN, 'bulk', `message ${n}`);
			const events = (
				await chat({
					resource: 'event',
					operation: 'getAll',
					clientId: 'bulk',
					ts: '0',
					options: { waitSeconds: 1 },
				})
			).json();
			expect(answers(events)).toEqual(Array.from({ length: 260 }, (_, n) => `message ${n}`));
			expect(fake.requestsTo('GET', /\/events$/)).toHaveLength(2);
		});

		it('returns one batch item with nextTs when nothing happened', async () => {
			const [batch] = (
				await chat({
					resource: 'event',
					operation: 'getAll',
					clientId: 'quiet',
					ts: '1700000000000',
					options: { waitSeconds: 1, output: 'batch' },
				})
			).json();
			expect(batch).toEqual({ events: [], count: 0, nextTs: 1700000000000 });
		});

		it('passes all and cid to the platform', async () => {
			await chat(send({ clientId: 'ev-2', query: 'x', additionalFields: { cid: 'c1' } }));
			const events = (
				await chat({
					resource: 'event',
					operation: 'getAll',
					clientId: 'ev-2',
					ts: '0',
					options: { all: true, cid: 'c1', waitSeconds: 1 },
				})
			).json();
			expect(events.map((e) => e.type)).toContain('botResponse');
			expect(fake.requestsTo('GET', /\/events$/)[0].query).toMatchObject({
				all: 'true',
				cid: 'c1',
				clientId: 'ev-2',
			});
		});

		it('refuses a Since value that is not a time', async () => {
			expect(
				(await chat({ resource: 'event', operation: 'getAll', ts: 'yesterday-ish' })).error
					?.message,
			).toMatch(/^Since is not a date/);
		});
	},
);

describe('State → Save / Load', () => {
	it('round-trips any JSON object unchanged', async () => {
		const state = { page: 'checkout', cart: [{ sku: 'A', qty: 2 }], nested: { ok: true } };
		const saved = await chat({
			resource: 'state',
			operation: 'save',
			clientId: 'st-1',
			state: JSON.stringify(state),
		});
		expect(saved.json()[0]).toEqual({ clientId: 'st-1', saved: true, state });
		expect((await chat({ resource: 'state', operation: 'load', clientId: 'st-1' })).json()).toEqual(
			[state],
		);
	});

	it('returns the state exactly as saved: none of its fields is read as a date', async () => {
		// `timestamp` at the top and nested (seconds, milliseconds as text, a date-time), and an integer past 2^53.
		const text =
			'{"timestamp":1714557600,"cart":{"timestamp":1714557600,"items":[{"timestamp":"1714557600000"}]},' +
			'"updated":{"timestamp":"2024-05-01T10:00:00"},"orderId":9007199254740993}';
		const state = JSON.parse(text) as IDataObject;
		const saved = await chat({
			resource: 'state',
			operation: 'save',
			clientId: 'st-3',
			state: text,
		});
		expect(saved.json()[0]).toEqual({ clientId: 'st-3', saved: true, state });
		// The fake answers what it stored as JSON text: past 2^53 that is JSON's nearest number, both ways.
		const answer = await fetch(
			`${fake.url}/chatapi/${encodeURIComponent(TOKEN)}/client/st-3/state`,
		);
		expect(await answer.text()).toContain('"orderId":9007199254740992');
		const loaded = (await chat({ resource: 'state', operation: 'load', clientId: 'st-3' })).json();
		expect(loaded).toEqual([state]);
		expect(loaded[0].orderId).toBe(9007199254740992);
	});

	it('refuses a state that is not a JSON object', async () => {
		expect(
			(await chat({ resource: 'state', operation: 'save', clientId: 'st-1', state: '"text"' }))
				.error?.message,
		).toBe('State (JSON) must be a JSON object [item 0]');
	});

	it('retries a failed save (saving the same value twice is harmless)', async () => {
		fake.inject({ method: 'POST', path: /\/state$/, status: 503 });
		expect(
			(await chat({ resource: 'state', operation: 'save', clientId: 'st-2', state: '{"a":1}' }))
				.status,
		).toBe('success');
		expect(fake.requests.map((r) => r.status)).toEqual([503, 200]);
	});
});

describe('Message Status', () => {
	let questionId: string;
	beforeEach(async () => {
		questionId = String(
			(await chat(send({ clientId: 'ms-1', query: 'status me' }))).json()[0].questionId,
		);
	});

	it.each([
		['a bare number', 5, { count: 5 }],
		['another field name', { messageNotReadCount: '7' }, { messageNotReadCount: '7', count: 7 }],
		['an unknown shape', { unread: { total: 3 } }, { unread: { total: 3 } }],
	])(
		'returns the unread count answer as it comes: %s (never a made-up 0)',
		async (_what, body, expected) => {
			fake.inject({ method: 'GET', path: /message-not-read-count$/, status: 200, body });
			expect(
				(
					await chat({ resource: 'messageStatus', operation: 'getUnreadCount', clientId: 'ms-1' })
				).json(),
			).toEqual([{ clientId: 'ms-1', ...expected }]);
		},
	);

	it('Message: From List labels each message with its time read in the Chat Timestamps Zone, shown in the workflow zone', async () => {
		fake.chat.timeZone = 'Asia/Tokyo';
		const tokyo = { ...credentials, chatTimeZone: 'Asia/Tokyo' };
		await chat(send({ clientId: 'tz-1', query: 'what time is it' }), [{}], { credentials: tokyo });
		const reply = fake.chat.history(TOKEN, 'tz-1').find((m) => m.type === 'response')!;
		const { results } = await listSearch.searchBotMessages.call(
			loadOptionsContext(tokyo, { clientId: 'tz-1' }, 'n8n-nodes-tovie.tovieChat').ctx,
		);
		// The picker's context runs in UTC: the label is the true instant, not Tokyo's wall clock.
		expect(results[0].name).toBe(
			`${new Date(reply.ts).toISOString().replace('T', ' ').slice(0, 16)} · You said: what time is it`,
		);
		expect(reply.timestamp.slice(11, 16)).not.toBe(results[0].name.slice(11, 16));
	});

	it('Message: From List shows the bot messages to the client of the Client ID field, newest first; a picked one updates like an ID', async () => {
		await chat(send({ clientId: 'ms-1', query: 'second question' }));
		const picker = (parameters: IDataObject) =>
			loadOptionsContext(credentials, parameters, 'n8n-nodes-tovie.tovieChat').ctx;
		const listed = await listSearch.searchBotMessages.call(picker({ clientId: 'ms-1' }));
		expect(listed.results).toHaveLength(2);
		expect(listed.results[1]).toEqual({
			name: expect.stringContaining('status me'),
			value: questionId,
		});
		expect(listed.results[0].name).toContain('second question');
		expect(
			(await listSearch.searchBotMessages.call(picker({ clientId: 'ms-1' }), 'status')).results,
		).toHaveLength(1);
		// No client yet (or an expression): nothing to list, and no request.
		expect(
			await listSearch.searchBotMessages.call(picker({ clientId: '={{ $json.id }}' })),
		).toEqual({ results: [] });
		const picked = await chat({
			resource: 'messageStatus',
			operation: 'update',
			clientId: 'ms-1',
			questionId: { __rl: true, mode: 'list', value: questionId },
			status: 'READ',
		});
		expect(picked.json()).toEqual([
			{ clientId: 'ms-1', questionId, requestedStatus: 'READ', status: 'READ' },
		]);
	});

	it('gets, updates and counts unread messages', async () => {
		const base = { resource: 'messageStatus', clientId: 'ms-1', questionId };
		expect((await chat({ ...base, operation: 'get' })).json()[0]).toMatchObject({
			questionId,
			status: 'SENT',
		});
		expect((await chat({ ...base, operation: 'getUnreadCount' })).json()[0]).toEqual({
			clientId: 'ms-1',
			count: 1,
		});
		await chat({ ...base, operation: 'update', status: 'read' });
		expect((await chat({ ...base, operation: 'get' })).json()[0]).toMatchObject({ status: 'READ' });
		expect((await chat({ ...base, operation: 'getUnreadCount' })).json()[0]).toEqual({
			clientId: 'ms-1',
			count: 0,
		});
	});

	it('updates one message with the one-message request', async () => {
		fake.requests.length = 0;
		const [out] = (
			await chat({
				resource: 'messageStatus',
				operation: 'update',
				clientId: 'ms-1',
				questionId,
				status: 'delivered',
			})
		).json();
		// The one-message answer ({questionId, status} in the fake) comes through as it came.
		expect(out).toEqual({
			clientId: 'ms-1',
			questionId,
			requestedStatus: 'DELIVERED',
			status: 'DELIVERED',
		});
		expect(fake.requests.map((r) => r.path)).toEqual([
			expect.stringMatching(new RegExp(`/message/${questionId}/status$`)),
		]);
	});

	it('updates the messages of one client in one request, one item per message, each client apart', async () => {
		const other = String(
			(await chat(send({ clientId: 'ms-1', query: 'again' }))).json()[0].questionId,
		);
		const third = String(
			(await chat(send({ clientId: 'ms-2', query: 'elsewhere' }))).json()[0].questionId,
		);
		fake.requests.length = 0;
		const items = [
			{ clientId: 'ms-1', questionId, status: 'DELIVERED' },
			{ clientId: 'ms-2', questionId: third, status: 'READ' },
			{ clientId: 'ms-1', questionId: other, status: 'not_sent' },
		];
		const result = await chat(
			{
				resource: 'messageStatus',
				operation: 'update',
				clientId: '={{ $json.clientId }}',
				questionId: '={{ $json.questionId }}',
				status: '={{ $json.status }}',
			},
			items,
		);
		// The several-messages answer ({updated} in the fake) goes to each of its items as it came.
		expect(result.json()).toEqual([
			{ clientId: 'ms-1', questionId, requestedStatus: 'DELIVERED', updated: 2 },
			{ clientId: 'ms-2', questionId: third, requestedStatus: 'READ', status: 'READ' },
			{ clientId: 'ms-1', questionId: other, requestedStatus: 'NOT_SENT', updated: 2 },
		]);
		expect(result.output().map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		const many = fake.requests.filter((r) => r.path.endsWith('/message-statuses'));
		expect(many).toHaveLength(1);
		expect(many[0].body).toEqual({
			statuses: [
				{ questionId, status: 'DELIVERED' },
				{ questionId: other, status: 'NOT_SENT' },
			],
		});
		expect(fake.requests).toHaveLength(2);
		expect(
			(
				await chat({
					resource: 'messageStatus',
					operation: 'get',
					clientId: 'ms-1',
					questionId: other,
				})
			).json()[0],
		).toMatchObject({ status: 'NOT_SENT' });
		expect(
			(
				await chat({
					resource: 'messageStatus',
					operation: 'get',
					clientId: 'ms-2',
					questionId: third,
				})
			).json()[0],
		).toMatchObject({ status: 'READ' });
	});

	it('fails only the item with a bad status, before any request, when continuing on fail', async () => {
		const other = String(
			(await chat(send({ clientId: 'ms-1', query: 'again' }))).json()[0].questionId,
		);
		fake.requests.length = 0;
		const result = await chat(
			{
				resource: 'messageStatus',
				operation: 'update',
				clientId: 'ms-1',
				questionId: '={{ $json.id }}',
				status: '={{ $json.status }}',
			},
			[
				{ id: questionId, status: 'READ' },
				{ id: other, status: 'SEEN' },
			],
			{ continueOnFail: true },
		);
		const [ok, bad] = result.json();
		expect(ok).toEqual({ clientId: 'ms-1', questionId, requestedStatus: 'READ', status: 'READ' });
		expect(String(bad.error)).toMatch(/Status has an unknown value "SEEN"/);
		expect(fake.requests).toHaveLength(1);
	});

	it.each([
		[{ operation: 'update', status: 'SEEN' }, 'Status has an unknown value "SEEN" [item 0]'],
		[{ operation: 'get', questionId: '={{ "" }}' }, 'Message is empty [item 0]'],
		[{ operation: 'update', questionId: '={{ "" }}', status: 'READ' }, 'Message is empty [item 0]'],
	])('refuses %j before any request', async (extra, message) => {
		fake.requests.length = 0;
		const result = await chat({
			resource: 'messageStatus',
			clientId: 'ms-1',
			questionId,
			...extra,
		});
		expect(result.error?.message).toBe(message);
		expect(fake.requests).toHaveLength(0);
	});

	it('reports an unknown message from the platform', async () => {
		const result = await chat({
			resource: 'messageStatus',
			operation: 'get',
			clientId: 'ms-1',
			questionId: 'no-such-id',
		});
		expect(result.error?.message).toMatch(/\[404/);
	});
});

describe('whole workflow', () => {
	it('chains Chat nodes: send, then read the history of the same client', async () => {
		const result = await runWorkflow({
			credentials: credentials as never,
			items: [{ user: 'wf-1' }],
			nodes: [
				{ type: 'tovieChat', parameters: send({ clientId: '={{ $json.user }}', query: 'hello' }) },
				{
					type: 'tovieChat',
					parameters: {
						resource: 'message',
						operation: 'getHistory',
						clientId: '={{ $json.clientId }}',
						returnAll: true,
					},
				},
			],
		});
		runs.push(result);
		expect(result.json().map((m) => m.query ?? (m.data as IDataObject).answer)).toEqual([
			'hello',
			'Hello! I am the test bot.',
		]);
	});
});

describe('Repeat Protection (one item at a time)', () => {
	const items = [{ clientId: 'user-1' }, { clientId: 'user-2' }, { clientId: 'user-3' }];
	const refuseUser2Once = () =>
		fake.inject({
			method: 'POST',
			path: /^\/chatapi\//,
			bodyIncludes: '"user-2"',
			status: 400,
			times: 1,
		});

	it('Retry On Fail after a refused second item: the first is not sent again, each message goes out once', async () => {
		refuseUser2Once();
		const result = await runNode(
			'tovieChat',
			send({ clientId: '={{ $json.clientId }}', query: 'hello' }),
			items,
			credentials as never,
			{ retryOnFail: 2 },
		);
		runs.push(result);
		expect(result.status).toBe('success');
		const posted = fake
			.requestsTo('POST', /^\/chatapi\//)
			.map((r) => (JSON.parse(r.rawBody) as IDataObject).clientId);
		expect(posted).toEqual(['user-1', 'user-2', 'user-2', 'user-3']);
		const [first, second, third] = result.json();
		expect(first).toMatchObject({ skipped: true });
		expect(first.questionId).toMatch(/^[0-9a-f-]{36}$/);
		expect(second.skipped).toBeUndefined();
		expect(third.skipped).toBeUndefined();
	});

	it('a run stopped by an error says which items were sent (with their questionId) and which were not', async () => {
		refuseUser2Once();
		const result = await chat(send({ clientId: '={{ $json.clientId }}', query: 'hello' }), items);
		expect(result.status).toBe('error');
		expect(result.error?.description).toMatch(
			/Sent \(or sent earlier\) before the run stopped: item 0 \([^)]*questionId [0-9a-f-]{36}[^)]*\)\. Failed: item 1\. Not sent: item 2\./,
		);
	});
});

// What Tovie Chat reads from answers the Chat API pages do not show, run against each reading the
// fake platform can give: the history (bare array or `{messages, total}`, documented message
// shapes or flat ones, query parameters ignored or honoured) through Get History and the Message
// picker; the several-messages status answer; a numeric async ID beyond 2^53.

const history = async (clientId: string, extra: IDataObject = {}) =>
	(await chat({ resource: 'message', operation: 'getHistory', clientId, ...extra })).json();

const picker = async (clientId: string, filter?: string) =>
	await listSearch.searchBotMessages.call(
		loadOptionsContext(credentials, { clientId }, 'n8n-nodes-tovie.tovieChat').ctx,
		filter,
	);

/** What a history message says, in either item shape. */
const said = (m: IDataObject) =>
	m.query ?? m.event ?? ((m.data as IDataObject | undefined)?.answer as string) ?? m.text;

const readings: Array<[HistoryShape, HistoryItems, HistoryParams]> = [];
for (const shape of ['array', 'wrapped'] as const)
	for (const items of ['messages', 'flat'] as const)
		for (const params of ['ignored', 'validated'] as const) readings.push([shape, items, params]);

describe.each(readings)('history answer %s, items %s, parameters %s', (shape, items, params) => {
	beforeEach(async () => {
		Object.assign(fake.chat, { historyShape: shape, historyItems: items, historyParams: params });
		for (const text of ['one', 'two', 'three'])
			await chat({ resource: 'message', operation: 'send', clientId: 'h', query: text });
		fake.requests.length = 0;
	});

	it('Get History returns every message in order, honours Limit, and keeps only the time span', async () => {
		expect((await history('h', { returnAll: true })).map(said)).toEqual([
			'one',
			'You said: one',
			'two',
			'You said: two',
			'three',
			'You said: three',
		]);
		expect(await history('h', { limit: 2 })).toHaveLength(2);
		// The second exchange only, whether the platform applies from/to or the node does.
		const times = fake.chat.history(TOKEN, 'h').map((m) => m.ts);
		const span = await history('h', {
			returnAll: true,
			filters: {
				from: new Date(times[2]).toISOString(),
				to: new Date(times[4]).toISOString(),
			},
		});
		expect(span.map(said)).toEqual(['two', 'You said: two']);
		expect(
			await history('h', { returnAll: true, filters: { from: '2999-01-01T00:00:00Z' } }),
		).toEqual([]);
	});

	it('the Message picker lists bot messages only, newest first, labelled with their text', async () => {
		const { results } = await picker('h');
		const answers = fake.chat.history(TOKEN, 'h').filter((m) => m.type === 'response');
		expect(results.map((r) => r.value)).toEqual(answers.reverse().map((m) => m.questionId));
		expect(results.map((r) => r.name.split(' · ')[1])).toEqual([
			'You said: three',
			'You said: two',
			'You said: one',
		]);
		expect((await picker('h', 'two')).results).toHaveLength(1);
	});

	it('the Message picker shows the latest of a long history', async () => {
		for (let n = 0; n < 150; n++) fake.chat.pushAgentReply(TOKEN, 'long', `message ${n}`);
		const { results } = await picker('long');
		expect(results).toHaveLength(100);
		expect(results[0].name).toContain('message 149');
		expect(results[99].name).toContain('message 50');
	});
});

describe('a history answer in a shape the node does not know', () => {
	const unknown = { content: [{ questionId: 'q1' }], totalElements: 1 };

	it('Get History outputs it as one item, unchanged, instead of an empty list', async () => {
		fake.inject({ method: 'GET', path: /\/history$/, status: 200, body: unknown });
		expect(await history('h', { returnAll: true })).toEqual([unknown]);
	});

	it('the Message picker says so, and points to By ID', async () => {
		fake.inject({ method: 'GET', path: /\/history$/, status: 200, body: unknown });
		await expect(picker('h')).rejects.toThrow('The history answer holds no list of messages');
	});
});

describe('Message Status → Update with several messages: the answer as it comes', () => {
	let ids: string[];
	beforeEach(async () => {
		ids = [];
		for (const text of ['a', 'b'])
			ids.push(
				String(
					(
						await chat({ resource: 'message', operation: 'send', clientId: 'st', query: text })
					).json()[0].questionId,
				),
			);
	});

	const update = async (questionIds: string[]) =>
		(
			await chat(
				{
					resource: 'messageStatus',
					operation: 'update',
					clientId: 'st',
					questionId: '={{ $json.id }}',
					status: 'READ',
				},
				questionIds.map((id) => ({ id })),
			)
		).json();

	it('does not say an unknown message was updated (the fake skips it silently)', async () => {
		const out = await update([...ids, 'no-such-message']);
		expect(out).toEqual(
			[...ids, 'no-such-message'].map((questionId) => ({
				clientId: 'st',
				questionId,
				requestedStatus: 'READ',
				updated: 2,
			})),
		);
		expect(out.some((item) => 'status' in item)).toBe(false);
	});

	it.each([
		[
			'a list naming each message: each item gets its own entry, an unnamed one none',
			(ids: string[]) => [{ questionId: ids[0], status: 'READ', changed: true }],
			(ids: string[]) => [
				{
					clientId: 'st',
					questionId: ids[0],
					requestedStatus: 'READ',
					status: 'READ',
					changed: true,
				},
				{ clientId: 'st', questionId: ids[1], requestedStatus: 'READ' },
			],
		],
		[
			'an empty answer: only what was asked',
			() => '',
			(ids: string[]) =>
				ids.map((questionId) => ({ clientId: 'st', questionId, requestedStatus: 'READ' })),
		],
		[
			'a bare value: under answer',
			() => 'OK',
			(ids: string[]) =>
				ids.map((questionId) => ({
					clientId: 'st',
					questionId,
					requestedStatus: 'READ',
					answer: 'OK',
				})),
		],
	])('%s', async (_what, body, expected) => {
		fake.inject({ method: 'POST', path: /message-statuses$/, status: 200, body: body(ids) });
		expect(await update(ids)).toEqual(expected(ids));
	});
});

describe('Send Without Waiting: a numeric ID beyond 2^53', () => {
	it('keeps every digit', async () => {
		fake.chat.asyncAnswer = 'bigNumber';
		const [out] = (
			await chat({ resource: 'message', operation: 'sendAsync', clientId: 'big', query: 'x' })
		).json();
		const [sent] = fake.chat.history(TOKEN, 'big');
		expect(BigInt(sent.questionId) > 2n ** 53n).toBe(true);
		expect(fake.requests[0].status).toBe(200);
		expect(out).toEqual({ clientId: 'big', questionId: sent.questionId });
	});
});
