/**
 * The fake Tovie platform the package is tested against: the framework (routing, recording,
 * fault injection, clean shutdown) and the Chat API module (bot, store, long poll, webhooks).
 * Talks to it over real loopback HTTP with node:http, without keep-alive unless a test says so.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import {
	ChatModule,
	type ChatResponse,
	type HistoryMessage,
} from '../helpers/fake-platform/chat.cts';
import {
	errors,
	startFakePlatform,
	type FakeModule,
	type FakePlatform,
	type Route,
} from '../helpers/fake-platform/server.cts';

const TOKEN = 'FakeTest:0123456789abcdef0123456789abcdef01234567';
const TOKEN_PATH = `/chatapi/${encodeURIComponent(TOKEN)}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PLATFORM_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/;

// ---------------------------------------------------------------------------------------------
// A tiny HTTP client and webhook receiver

interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	text: string;
	/** Parsed body; `undefined` when empty or not JSON. */
	body: any;
	ms: number;
}

async function call(
	baseUrl: string,
	method: string,
	path: string,
	body?: unknown,
	options: { raw?: string; headers?: Record<string, string>; agent?: http.Agent } = {},
): Promise<Answer> {
	const text = options.raw ?? (body === undefined ? undefined : JSON.stringify(body));
	const started = Date.now();
	return await new Promise((resolve, reject) => {
		const request = http.request(
			baseUrl + path,
			{
				method,
				agent: options.agent ?? false,
				headers: {
					...(text !== undefined ? { 'Content-Type': 'application/json' } : {}),
					...options.headers,
				},
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const raw = Buffer.concat(chunks).toString('utf8');
					let parsed: unknown;
					try {
						parsed = raw ? JSON.parse(raw) : undefined;
					} catch {
						parsed = undefined;
					}
					resolve({
						status: response.statusCode ?? 0,
						headers: response.headers,
						text: raw,
						body: parsed,
						ms: Date.now() - started,
					});
				});
			},
		);
		request.on('error', reject);
		request.end(text);
	});
}

/** A local webhook receiver answering with the scripted statuses in turn (then 200). */
async function startReceiver(statuses: Array<number | 'hang'> = []) {
	const received: Array<{ body: unknown; at: number }> = [];
	const script = [...statuses];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			received.push({ body: JSON.parse(Buffer.concat(chunks).toString('utf8')), at: Date.now() });
			const next = script.shift() ?? 200;
			if (next === 'hang') return; // never answers
			res.writeHead(next).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** A module mounted the one way: `(platform) => new PingModule(platform, options)`. */
class PingModule implements FakeModule {
	readonly routes: Route[];

	constructor(
		readonly platform: FakePlatform,
		readonly options: { prefix: string },
	) {
		this.routes = [
			{
				method: 'GET',
				pattern: '/api/ping/:name',
				handler: (req) => ({ status: 200, body: { pong: `${options.prefix}${req.params.name}` } }),
			},
		];
	}
}

// ---------------------------------------------------------------------------------------------

let fake: FakePlatform;
const send = async (body: Record<string, unknown>) =>
	await call(fake.url, 'POST', TOKEN_PATH, body);

beforeAll(async () => {
	fake = await startFakePlatform({
		chat: { tokens: [TOKEN], longPollMs: 300, webhookRetryDelayMs: 50, agentReplyDelayMs: 20 },
	});
});
afterAll(async () => await fake.close());
beforeEach(() => fake.reset());

describe('framework', () => {
	it('listens on a random loopback port', () => {
		expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	it('records every request with path, query, headers, body and status', async () => {
		await call(
			fake.url,
			'POST',
			`${TOKEN_PATH}?trace=1&x=a%20b`,
			{ clientId: 'u1', query: 'hi' },
			{ headers: { 'X-Test': 'yes' } },
		);
		expect(fake.requests).toHaveLength(1);
		const [request] = fake.requests;
		expect(request).toMatchObject({
			method: 'POST',
			path: TOKEN_PATH,
			rawPath: `${TOKEN_PATH}?trace=1&x=a%20b`,
			query: { trace: '1', x: 'a b' },
			body: { clientId: 'u1', query: 'hi' },
			status: 200,
		});
		expect(request.headers['x-test']).toBe('yes');
		expect(Math.abs(request.at - Date.now())).toBeLessThan(5000);
	});

	it('filters recorded requests by method and path', async () => {
		await send({ clientId: 'u1', query: 'hi' });
		await call(fake.url, 'GET', `${TOKEN_PATH}/client/u1/message-not-read-count`);
		expect(fake.requestsTo('GET')).toHaveLength(1);
		expect(fake.requestsTo('POST', /\/chatapi\/[^/]+$/)).toHaveLength(1);
		expect(fake.requestsTo(/not-read-count$/)).toHaveLength(1);
		expect(fake.requestsTo('DELETE')).toHaveLength(0);
	});

	it('answers an unknown route with a Spring-style 404', async () => {
		const answer = await call(fake.url, 'GET', '/nothing/here?x=1');
		expect(answer.status).toBe(404);
		expect(answer.body).toEqual({
			timestamp: expect.any(String),
			status: 404,
			error: 'Not Found',
			message: 'No handler found for GET /nothing/here',
			path: '/nothing/here',
		});
	});

	it('answers a known path with the wrong method with 405', async () => {
		const answer = await call(fake.url, 'DELETE', TOKEN_PATH);
		expect(answer.status).toBe(405);
		expect(answer.body.error).toBe('Method Not Allowed');
	});

	it('refuses a JSON body that does not parse with a Spring-style 400', async () => {
		const answer = await call(fake.url, 'POST', TOKEN_PATH, undefined, {
			raw: '{"clientId": ',
			headers: { 'Content-Type': 'application/json' },
		});
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ status: 400, error: 'Bad Request', path: TOKEN_PATH });
		expect(answer.body.message).toMatch(/^JSON parse error/);
		expect(fake.chat.history(TOKEN, 'u1')).toEqual([]);
	});

	it('builds the three platform error shapes', () => {
		expect(errors.spring(404, 'Gone', '/p').body).toEqual({
			timestamp: expect.any(String),
			status: 404,
			error: 'Not Found',
			message: 'Gone',
			path: '/p',
		});
		expect(errors.gateway(401, 'common.unauthorized', 'Bad token', { id: 1 }).body).toEqual({
			error: 'common.unauthorized',
			message: 'Bad token',
			args: { id: 1 },
		});
		expect(errors.calls(400, 'dialer.campaign.not_found', 'No campaign')).toEqual({
			status: 400,
			body: { type: 'dialer.campaign.not_found', message: 'No campaign' },
		});
	});

	it('takes extra modules and hands them back by class', async () => {
		const other = await startFakePlatform({
			modules: [(platform) => new PingModule(platform, { prefix: '>' })],
		});
		try {
			expect((await call(other.url, 'GET', '/api/ping/a%20b')).body).toEqual({ pong: '>a b' });
			const ping = other.module(PingModule);
			expect(ping).toBeInstanceOf(PingModule);
			expect(ping.platform).toBe(other);
			expect(other.module(ChatModule)).toBe(other.chat);
			expect(fake.module(ChatModule)).toBe(fake.chat);
			expect(() => fake.module(PingModule)).toThrow('Fake platform: no PingModule mounted');
		} finally {
			await other.close();
		}
	});

	it('closes with keep-alive connections still open', async () => {
		const other = await startFakePlatform();
		const agent = new http.Agent({ keepAlive: true });
		await call(other.url, 'GET', '/x', undefined, { agent });
		// Resolving at all is the check: a server waiting for idle keep-alive sockets never closes
		// (jest's timeout would fail the test).
		await other.close();
		agent.destroy();
	});
});

describe('fault injection', () => {
	it('answers an injected status without running the handler, the given number of times', async () => {
		fake.inject({
			method: 'POST',
			path: /^\/chatapi\/[^/]+$/,
			status: 503,
			times: 2,
			headers: { 'Retry-After': '1' },
		});
		const first = await send({ clientId: 'u1', query: 'a' });
		const second = await send({ clientId: 'u1', query: 'b' });
		const third = await send({ clientId: 'u1', query: 'c' });
		expect([first.status, second.status, third.status]).toEqual([503, 503, 200]);
		expect(first.headers['retry-after']).toBe('1');
		expect(first.body).toMatchObject({ status: 503, error: 'Service Unavailable' });
		// Only the last one reached the bot.
		expect(fake.chat.history(TOKEN, 'u1').map((m) => m.text)).toEqual(['c', 'You said: c']);
		expect(fake.requests.map((r) => r.status)).toEqual([503, 503, 200]);
	});

	it('answers an injected body in any shape', async () => {
		fake.inject({
			status: 401,
			body: { error: 'unauthorized', message: 'Token expired', args: {} },
		});
		const answer = await send({ clientId: 'u1', query: 'a' });
		expect(answer).toMatchObject({
			status: 401,
			body: { error: 'unauthorized', message: 'Token expired' },
		});
	});

	it('applies only to requests matching method and path', async () => {
		fake.inject({ method: 'GET', path: /history$/, status: 500 });
		expect((await send({ clientId: 'u1', query: 'a' })).status).toBe(200);
		expect(
			(await call(fake.url, 'GET', `${TOKEN_PATH}/client/u1/message-not-read-count`)).status,
		).toBe(200);
		expect((await call(fake.url, 'GET', `${TOKEN_PATH}/client/u1/history`)).status).toBe(500);
		expect((await call(fake.url, 'GET', `${TOKEN_PATH}/client/u1/history`)).status).toBe(200);
	});

	it('delays a request, and every request with latencyMs', async () => {
		fake.inject({ delayMs: 150 });
		expect((await send({ clientId: 'u1', query: 'a' })).ms).toBeGreaterThanOrEqual(140);
		await send({ clientId: 'u1', query: 'b' });
		fake.latencyMs = 100;
		expect((await send({ clientId: 'u1', query: 'c' })).ms).toBeGreaterThanOrEqual(90);
		expect(fake.requests.map((r) => r.delayMs)).toEqual([150, 0, 100]);
	});

	it('drops the connection before handling: nothing is committed', async () => {
		fake.inject({ drop: 'before' });
		await expect(send({ clientId: 'u1', query: 'lost' })).rejects.toMatchObject({
			code: 'ECONNRESET',
		});
		expect(fake.chat.history(TOKEN, 'u1')).toEqual([]);
		expect(fake.requests[0]).toMatchObject({ dropped: 'before', status: 0 });
	});

	it('drops the connection after handling: the platform acted but the answer is lost', async () => {
		fake.inject({ drop: 'after' });
		await expect(send({ clientId: 'u1', query: 'half' })).rejects.toMatchObject({
			code: 'ECONNRESET',
		});
		expect(fake.chat.history(TOKEN, 'u1').map((m) => m.text)).toEqual(['half', 'You said: half']);
		expect(fake.requests[0]).toMatchObject({ dropped: 'after', status: 0 });
	});

	it('answers a body that is not valid JSON', async () => {
		fake.inject({ invalidJson: true });
		const answer = await send({ clientId: 'u1', query: 'a' });
		expect(answer.status).toBe(200);
		expect(() => JSON.parse(answer.text)).toThrow();
		expect(answer.headers['content-type']).toBe('application/json');
	});

	it('is cleared by reset()', async () => {
		fake.inject({ status: 500, times: 5 });
		fake.latencyMs = 500;
		fake.reset();
		const answer = await send({ clientId: 'u1', query: 'a' });
		expect(answer.status).toBe(200);
		expect(fake.requests.map((r) => r.delayMs)).toEqual([0]);
	});
});

describe('Chat API: sending', () => {
	it('refuses an unknown token with a 404 that echoes the path, token included', async () => {
		const secret = 'Unknown1:ffffffffffffffffffffffffffffffffffffffff';
		const answer = await call(fake.url, 'POST', `/chatapi/${encodeURIComponent(secret)}`, {
			clientId: 'u1',
			query: 'hi',
		});
		expect(answer.status).toBe(404);
		expect(answer.body).toEqual({
			timestamp: expect.any(String),
			status: 404,
			error: 'Not Found',
			message: 'Channel not found',
			path: `/chatapi/${encodeURIComponent(secret)}`,
		});
		expect(answer.text).toContain(encodeURIComponent(secret));
	});

	it('answers a text with the full response, the token echoed as the platform does', async () => {
		const answer = await send({ clientId: 'u1', query: 'Where is my order?', cid: 'tab-1' });
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({
			token: TOKEN,
			clientId: 'u1',
			questionId: expect.stringMatching(UUID),
			query: 'Where is my order?',
			data: {
				replies: [{ type: 'text', text: 'You said: Where is my order?', state: '/Echo' }],
				answer: 'You said: Where is my order?',
				nlpClass: '/Echo',
				confidence: 0.9,
				newSessionStarted: true,
				endSession: false,
				debugData: [],
			},
			timestamp: expect.stringMatching(PLATFORM_TIME),
			cid: 'tab-1',
			blockForm: false,
		});
		// The timestamp is UTC without a zone.
		expect(Math.abs(Date.parse(`${answer.body.timestamp}Z`) - Date.now())).toBeLessThan(5000);
	});

	it('starts a session on the first message of a client only', async () => {
		expect((await send({ clientId: 'new', query: 'hello' })).body.data).toMatchObject({
			replies: [{ type: 'text', text: 'Hello! I am the test bot.', state: '/Start' }],
			nlpClass: '/Start',
			newSessionStarted: true,
		});
		expect((await send({ clientId: 'new', query: 'hello' })).body.data.newSessionStarted).toBe(
			false,
		);
	});

	it('answers an event', async () => {
		const answer = await send({ clientId: 'u1', event: 'orderShipped' });
		expect(answer.body.event).toBe('orderShipped');
		expect(answer.body.query).toBeUndefined();
		expect(answer.body.data).toMatchObject({
			replies: [
				{ type: 'text', text: 'Event orderShipped received', state: '/Event/orderShipped' },
			],
			nlpClass: '/Event/orderShipped',
		});
	});

	it('nests the fields the bot script sets on $response in data; the request data is not echoed', async () => {
		const plain = await send({ clientId: 'u1', query: 'x', data: { foo: 'bar' } });
		expect(Object.keys(plain.body.data).sort()).toEqual([
			'answer',
			'confidence',
			'debugData',
			'endSession',
			'newSessionStarted',
			'nlpClass',
			'replies',
		]);
		fake.chat.responseData = { trackingUrl: 'https://t.example/1', nested: { n: 1 } };
		const custom = await send({ clientId: 'u1', query: 'x', data: { foo: 'bar' } });
		expect(custom.body.data).toMatchObject({
			trackingUrl: 'https://t.example/1',
			nested: { n: 1 },
			nlpClass: '/Echo',
		});
		expect(custom.body.data.foo).toBeUndefined();
	});

	it('answers "buttons" with a text and a buttons reply', async () => {
		const { body } = await send({ clientId: 'u1', query: 'buttons' });
		expect(body.data.replies.map((r: { type: string }) => r.type)).toEqual(['text', 'buttons']);
		expect(body.data.replies[1].buttons).toEqual([{ text: 'Yes' }, { text: 'No' }]);
		expect(body.data.answer).toBe('Choose an option');
	});

	it.each([
		['no clientId', { query: 'x' }],
		['neither query nor event', { clientId: 'u1' }],
		['both query and event', { clientId: 'u1', query: 'x', event: 'e' }],
		['data that is not an object', { clientId: 'u1', query: 'x', data: [1] }],
	])('refuses %s with a Spring-style 400', async (_case, body) => {
		const answer = await send(body);
		expect(answer.status).toBe(400);
		expect(answer.body).toMatchObject({ status: 400, error: 'Bad Request', path: TOKEN_PATH });
	});

	it("answers the simplified GET with the request's clientId, query and event (the bot still gets it)", async () => {
		const answer = await call(
			fake.url,
			'GET',
			`${TOKEN_PATH}?clientId=u1&query=${encodeURIComponent('a b')}`,
		);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ clientId: 'u1', query: 'a b' });
		expect((await call(fake.url, 'GET', `${TOKEN_PATH}?clientId=u1&event=ping`)).body).toEqual({
			clientId: 'u1',
			event: 'ping',
		});
		expect(fake.chat.history(TOKEN, 'u1').map((m) => m.text)).toEqual([
			'a b',
			'You said: a b',
			'',
			'Event ping received',
		]);
		expect((await call(fake.url, 'GET', `${TOKEN_PATH}?query=x`)).status).toBe(400);
		// The other reading: the full bot answer, like the POST.
		fake.chat.simplifiedGetAnswer = 'full';
		const full = await call(fake.url, 'GET', `${TOKEN_PATH}?clientId=u1&query=x`);
		expect(full.body).toMatchObject({
			clientId: 'u1',
			query: 'x',
			data: { answer: 'You said: x' },
		});
	});

	it('accepts tokens added at runtime', async () => {
		fake.chat.addToken('Other:1');
		expect(
			(
				await call(fake.url, 'POST', `/chatapi/${encodeURIComponent('Other:1')}`, {
					clientId: 'u',
					query: 'x',
				})
			).status,
		).toBe(200);
	});
});

describe('Chat API: history, state, statuses', () => {
	const path = (clientId: string, rest: string) =>
		`${TOKEN_PATH}/client/${encodeURIComponent(clientId)}/${rest}`;

	it('by default answers the whole history as a bare array of documented message shapes, ignoring unknown parameters', async () => {
		const first = (await send({ clientId: 'h0', query: 'one' })).body as ChatResponse;
		await call(fake.url, 'POST', `${TOKEN_PATH}/async`, { clientId: 'h0', event: 'ping' });
		const all = await call(fake.url, 'GET', path('h0', 'history?from=yesterday&limit=1'));
		expect(all.status).toBe(200);
		expect(all.body).toEqual([
			{
				questionId: first.questionId,
				timestamp: expect.stringMatching(PLATFORM_TIME),
				query: 'one',
			},
			{
				questionId: first.questionId,
				timestamp: first.timestamp,
				data: { replies: first.data.replies, answer: 'You said: one' },
			},
			{ questionId: expect.any(String), timestamp: expect.any(String), event: 'ping' },
			expect.objectContaining({ data: expect.objectContaining({ answer: 'Event ping received' }) }),
		]);
		expect((await call(fake.url, 'GET', path('nobody', 'history'))).body).toEqual([]);
	});

	it('returns the history in time order with total, time span and paging (wrapped, flat, validated)', async () => {
		Object.assign(fake.chat, {
			historyShape: 'wrapped',
			historyItems: 'flat',
			historyParams: 'validated',
		});
		const first = (await send({ clientId: 'h1', query: 'one' })).body as ChatResponse;
		await send({ clientId: 'h1', query: 'two' });
		await send({ clientId: 'other', query: 'not mine' });

		const all = await call(fake.url, 'GET', path('h1', 'history'));
		expect(all.status).toBe(200);
		expect(all.body.total).toBe(4);
		const messages = all.body.messages as HistoryMessage[];
		expect(messages.map((m) => [m.type, m.text])).toEqual([
			['request', 'one'],
			['response', 'You said: one'],
			['request', 'two'],
			['response', 'You said: two'],
		]);
		expect(messages[0]).toEqual({
			questionId: first.questionId,
			clientId: 'h1',
			type: 'request',
			text: 'one',
			timestamp: expect.stringMatching(PLATFORM_TIME),
			ts: expect.any(Number),
		});
		expect(messages[1]).toMatchObject({
			questionId: first.questionId,
			type: 'response',
			status: 'SENT',
		});
		const times = messages.map((m) => m.ts);
		expect([...times].sort((a, b) => a - b)).toEqual(times);
		expect(new Set(times).size).toBe(4);

		const page = await call(fake.url, 'GET', path('h1', 'history?offset=1&limit=2'));
		expect(page.body.messages.map((m: HistoryMessage) => m.text)).toEqual(['You said: one', 'two']);
		expect(page.body.total).toBe(4);

		const span = await call(fake.url, 'GET', path('h1', `history?from=${times[1]}&to=${times[3]}`));
		expect(span.body.messages.map((m: HistoryMessage) => m.ts)).toEqual([times[1], times[2]]);

		expect((await call(fake.url, 'GET', path('nobody', 'history'))).body).toEqual({
			messages: [],
			total: 0,
		});
	});

	it.each(['limit=251', 'limit=0', 'offset=-1', 'from=yesterday'])(
		'refuses history?%s with 400 when validating parameters',
		async (query) => {
			fake.chat.historyParams = 'validated';
			expect((await call(fake.url, 'GET', path('h1', `history?${query}`))).status).toBe(400);
		},
	);

	it('stores the state object unchanged, and answers {} before any save', async () => {
		expect((await call(fake.url, 'GET', path('s1', 'state'))).body).toEqual({});
		const state = { page: 'checkout', cart: [{ sku: 'a', qty: 2 }], flags: { x: null, y: false } };
		const saved = await call(fake.url, 'POST', path('s1', 'state'), state);
		expect(saved.status).toBe(200);
		expect(saved.text).toBe('');
		expect((await call(fake.url, 'GET', path('s1', 'state'))).body).toEqual(state);
		expect(fake.chat.client(TOKEN, 's1')?.state).toEqual(state);
	});

	it('keeps message statuses: new bot messages SENT, unread = not READ', async () => {
		const a = (await send({ clientId: 'm1', query: 'a' })).body.questionId as string;
		const b = (await send({ clientId: 'm1', query: 'b' })).body.questionId as string;
		const c = (await send({ clientId: 'm1', query: 'c' })).body.questionId as string;
		const unread = async () =>
			(await call(fake.url, 'GET', path('m1', 'message-not-read-count'))).body;

		expect((await call(fake.url, 'GET', path('m1', `message/${a}/status`))).body).toEqual({
			questionId: a,
			status: 'SENT',
		});
		expect(await unread()).toEqual({ count: 3 });

		const set = await call(fake.url, 'POST', path('m1', `message/${a}/status`), { status: 'READ' });
		expect(set.body).toEqual({ questionId: a, status: 'READ' });
		expect((await call(fake.url, 'GET', path('m1', `message/${a}/status`))).body.status).toBe(
			'READ',
		);
		expect(await unread()).toEqual({ count: 2 });

		const many = await call(fake.url, 'POST', path('m1', 'message-statuses'), {
			statuses: [
				{ questionId: b, status: 'READ' },
				{ questionId: c, status: 'DELIVERED' },
				{ questionId: 'no-such-message', status: 'READ' },
			],
		});
		expect(many.body).toEqual({ updated: 2 });
		expect(await unread()).toEqual({ count: 1 });
		expect(
			fake.chat
				.history(TOKEN, 'm1')
				.filter((m) => m.type === 'response')
				.map((m) => m.status),
		).toEqual(['READ', 'READ', 'DELIVERED']);
		expect((await call(fake.url, 'GET', path('nobody', 'message-not-read-count'))).body).toEqual({
			count: 0,
		});
	});

	it('refuses invalid statuses and unknown messages', async () => {
		const a = (await send({ clientId: 'm2', query: 'a' })).body.questionId as string;
		expect(
			(await call(fake.url, 'POST', path('m2', `message/${a}/status`), { status: 'SEEN' })).status,
		).toBe(400);
		expect(
			(await call(fake.url, 'POST', path('m2', 'message/unknown/status'), { status: 'READ' }))
				.status,
		).toBe(404);
		expect((await call(fake.url, 'GET', path('m2', 'message/unknown/status'))).status).toBe(404);
		expect(
			(await call(fake.url, 'POST', path('m2', 'message-statuses'), { statuses: 'READ' })).status,
		).toBe(400);
		expect(
			(
				await call(fake.url, 'POST', path('m2', 'message-statuses'), {
					statuses: [{ questionId: a, status: 'nope' }],
				})
			).status,
		).toBe(400);
	});

	it('checks the token on every route', async () => {
		const wrong = `/chatapi/${encodeURIComponent('Wrong:123456')}/client/u1/message-not-read-count`;
		const answer = await call(fake.url, 'GET', wrong);
		expect(answer.status).toBe(404);
		expect(answer.body.path).toBe(wrong);
	});
});

describe('Chat API: events', () => {
	const events = async (query = '') => await call(fake.url, 'GET', `${TOKEN_PATH}/events${query}`);

	it('returns only agent replies by default, everything with all=true; events carry only the live shape', async () => {
		await send({ clientId: 'e1', query: 'hi' });
		fake.chat.pushAgentReply(TOKEN, 'e1', 'Agent here');

		const agentOnly = await events('?ts=0');
		// Typed like a bot reply (the one documented type): only the `all` filter tells it apart.
		expect(agentOnly.body.events).toEqual([
			{
				type: 'botResponse',
				event: {
					questionId: expect.stringMatching(UUID),
					timestamp: expect.stringMatching(PLATFORM_TIME),
					data: expect.objectContaining({
						replies: [{ type: 'text', text: 'Agent here' }],
						answer: 'Agent here',
					}),
				},
			},
		]);
		// No invented value: an agent's message has no bot class.
		expect(agentOnly.body.events[0].event.data.nlpClass).toBeUndefined();

		const all = await events('?ts=0&all=true');
		expect(all.body.events.map((e: { type: string }) => e.type)).toEqual([
			'clientRequest',
			'botResponse',
			'botResponse',
		]);
		expect(Object.keys(all.body.events[0].event).sort()).toEqual(['questionId', 'timestamp']);
		expect(Object.keys(all.body.events[1].event).sort()).toEqual([
			'data',
			'questionId',
			'timestamp',
		]);
	});

	it('each open point of /events is a switch: agent type, client inside events, request text', async () => {
		Object.assign(fake.chat, {
			agentEventType: 'agentResponse',
			eventClientId: true,
			requestEventText: true,
		});
		await send({ clientId: 'e1', query: 'hi', cid: 'tab' });
		fake.chat.pushAgentReply(TOKEN, 'e1', 'Agent here');
		const all = (await events('?ts=0&all=true')).body.events;
		expect(all.map((e: { type: string }) => e.type)).toEqual([
			'clientRequest',
			'botResponse',
			'agentResponse',
		]);
		expect(all[0].event).toMatchObject({ clientId: 'e1', query: 'hi', cid: 'tab' });
		expect(all[1].event).toMatchObject({ clientId: 'e1', data: { answer: 'You said: hi' } });
	});

	it('filters by ts (from it on by default, strictly after when eventsTsInclusive is off), clientId and cid', async () => {
		fake.chat.requestEventText = true;
		await send({ clientId: 'e1', query: 'one', cid: 'tab-a' });
		await send({ clientId: 'e1', query: 'two', cid: 'tab-b' });
		await send({ clientId: 'e2', query: 'three' });
		const all = (await events('?ts=0&all=true')).body.events as Array<{
			type: string;
			event: { timestamp: string; query: string };
		}>;
		expect(all).toHaveLength(6);

		const second = Date.parse(`${all[1].event.timestamp}Z`);
		expect((await events(`?all=true&ts=${second}`)).body.events).toHaveLength(5);
		fake.chat.eventsTsInclusive = false;
		expect((await events(`?all=true&ts=${second}`)).body.events).toHaveLength(4);
		fake.chat.eventsTsInclusive = true;

		const e2 = await events('?ts=0&all=true&clientId=e2');
		expect(e2.body.events.map((e: { type: string }) => e.type)).toEqual([
			'clientRequest',
			'botResponse',
		]);
		expect(e2.body.events[0].event.query).toBe('three');

		const tabA = await events('?ts=0&all=true&clientId=e1&cid=tab-a');
		expect(tabA.body.events).toHaveLength(2);
		expect(tabA.body.events[0].event.query).toBe('one');
	});

	it('without ts, returns what came after the previous answer to the same filter', async () => {
		fake.chat.pushAgentReply(TOKEN, 'c1', 'first');
		expect((await events('?clientId=c1')).body.events).toHaveLength(1);
		fake.chat.pushAgentReply(TOKEN, 'c1', 'second');
		const next = await events('?clientId=c1');
		expect(
			next.body.events.map((e: { event: { data: { answer: string } } }) => e.event.data.answer),
		).toEqual(['second']);
	});

	it('returns at most 250 events per answer', async () => {
		for (let n = 0; n < 260; n++) fake.chat.pushAgentReply(TOKEN, 'bulk', `message ${n}`);
		const first = await events('?ts=0');
		expect(first.body.events).toHaveLength(250);
		const lastTs = Date.parse(`${first.body.events[249].event.timestamp}Z`);
		const rest = await events(`?ts=${lastTs}`);
		// Inclusive: the last event of the first page comes again.
		expect(rest.body.events).toHaveLength(11);
		expect(rest.body.events[0].event.data.answer).toBe('message 249');
		expect(rest.body.events[10].event.data.answer).toBe('message 259');
	});

	it('holds a request with nothing to return, then answers {events: []}', async () => {
		const answer = await events(`?ts=${Date.now() + 60_000}`);
		expect(answer.status).toBe(200);
		expect(answer.body).toEqual({ events: [] });
		expect(answer.ms).toBeGreaterThanOrEqual(280);
	});

	it('wakes a held request as soon as a matching event arrives', async () => {
		// Held far longer than the test may run: an answer at all means the event woke it.
		fake.chat.longPollMs = 600_000;
		const pending = events(`?ts=${Date.now()}&clientId=w1`);
		setTimeout(() => fake.chat.pushAgentReply(TOKEN, 'other', 'not for w1'), 50);
		setTimeout(() => fake.chat.pushAgentReply(TOKEN, 'w1', 'for w1'), 100);
		const answer = await pending;
		expect(
			answer.body.events.map((e: { event: { data: { answer: string } } }) => e.event.data.answer),
		).toEqual(['for w1']);
	});

	it('hands "agent" over: a switch reply, then an agent reply event', async () => {
		const since = Date.now() - 1;
		const { body } = await send({ clientId: 'a1', query: 'agent' });
		expect(body.data.replies).toEqual([
			expect.objectContaining({ type: 'switch', state: '/Agent' }),
		]);
		const answer = await events(`?ts=${since}&clientId=a1`);
		expect(answer.body.events).toHaveLength(1);
		expect(answer.body.events[0].event.data.answer).toBe(
			'Hello, this is agent Anna. How can I help?',
		);
	});
});

describe('Chat API: webhook', () => {
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	afterEach(async () => await receiver?.close());

	it('answers /async with the questionId only and posts the full response to the webhook', async () => {
		receiver = await startReceiver();
		fake.chat.setWebhook(TOKEN, receiver.url);
		const answer = await call(fake.url, 'POST', `${TOKEN_PATH}/async`, {
			clientId: 'w1',
			query: 'later',
			data: { orderId: 7 },
		});
		expect(answer.status).toBe(200);
		// "Only the message ID": plain text by default.
		expect(answer.headers['content-type']).toMatch(/^text\/plain/);
		expect(answer.text).toMatch(UUID);

		const [delivery] = await fake.chat.waitForDeliveries(1);
		expect(delivery).toMatchObject({ url: receiver.url, attempt: 1, status: 200, reason: 'async' });
		expect(receiver.received).toHaveLength(1);
		// Exactly the documented fields, in the documented order.
		const [body] = receiver.received[0].body as Array<Record<string, unknown>>;
		expect(Object.keys(body)).toEqual([
			'token',
			'clientId',
			'questionId',
			'data',
			'timestamp',
			'blockForm',
		]);
		expect(body).toEqual({
			token: TOKEN,
			clientId: 'w1',
			questionId: answer.text,
			data: {
				replies: [{ type: 'text', text: 'You said: later', state: '/Echo' }],
				answer: 'You said: later',
				nlpClass: '/Echo',
				confidence: 0.9,
				newSessionStarted: true,
				endSession: false,
				debugData: [],
			},
			timestamp: expect.stringMatching(PLATFORM_TIME),
			blockForm: false,
		});
		// Also visible through /events.
		expect(fake.chat.events(TOKEN).map((e) => e.type)).toEqual(['clientRequest', 'botResponse']);
	});

	it.each([
		[
			'json',
			(text: string) =>
				expect(JSON.parse(text)).toEqual({ questionId: expect.stringMatching(UUID) }),
		],
		['jsonString', (text: string) => expect(JSON.parse(text)).toMatch(UUID)],
		['number', (text: string) => expect(typeof JSON.parse(text)).toBe('number')],
	] as const)('answers /async with the ID as %s when asked', async (asyncAnswer, check) => {
		fake.chat.asyncAnswer = asyncAnswer;
		const answer = await call(fake.url, 'POST', `${TOKEN_PATH}/async`, {
			clientId: 'w1',
			query: 'x',
		});
		check(answer.text);
		expect(fake.chat.history(TOKEN, 'w1')[0].questionId).toBe(
			String(answer.body?.questionId ?? answer.body),
		);
	});

	it('validates /async requests before answering', async () => {
		expect((await call(fake.url, 'POST', `${TOKEN_PATH}/async`, { clientId: 'w1' })).status).toBe(
			400,
		);
		expect(
			(await call(fake.url, 'POST', `/chatapi/nope/async`, { clientId: 'w1', query: 'x' })).status,
		).toBe(404);
	});

	it('sends a bare object when webhookAsArray is false', async () => {
		receiver = await startReceiver();
		fake.chat.setWebhook(TOKEN, receiver.url);
		fake.chat.webhookAsArray = false;
		await call(fake.url, 'POST', `${TOKEN_PATH}/async`, { clientId: 'w1', event: 'go' });
		await fake.chat.waitForDeliveries(1);
		expect(receiver.received[0].body).toMatchObject({
			clientId: 'w1',
			token: TOKEN,
			data: { answer: 'Event go received' },
		});
	});

	it('retries a failed delivery 3 more times, webhookRetryDelayMs apart, and stops at success', async () => {
		receiver = await startReceiver([500, 503]);
		fake.chat.setWebhook(TOKEN, receiver.url);
		fake.chat.pushAgentReply(TOKEN, 'r1', 'hi');
		await fake.chat.idle();
		expect(fake.chat.deliveries.map((d) => [d.attempt, d.status])).toEqual([
			[1, 500],
			[2, 503],
			[3, 200],
		]);
		expect(receiver.received[1].at - receiver.received[0].at).toBeGreaterThanOrEqual(45);
		expect(new Set(receiver.received.map((r) => JSON.stringify(r.body))).size).toBe(1);
	});

	it('gives up after 4 attempts in all', async () => {
		receiver = await startReceiver([500, 500, 500, 500, 500]);
		fake.chat.setWebhook(TOKEN, receiver.url);
		fake.chat.pushAgentReply(TOKEN, 'r1', 'hi');
		await fake.chat.idle();
		expect(fake.chat.deliveries.map((d) => d.attempt)).toEqual([1, 2, 3, 4]);
		expect(receiver.received).toHaveLength(4);
	});

	it('counts a network error and a receiver that does not answer as failures', async () => {
		const port = await closedPort();
		fake.chat.setWebhook(TOKEN, `http://127.0.0.1:${port}/hook`);
		fake.chat.pushAgentReply(TOKEN, 'r1', 'hi');
		await fake.chat.idle();
		expect(fake.chat.deliveries.map((d) => d.error)).toEqual([
			'ECONNREFUSED',
			'ECONNREFUSED',
			'ECONNREFUSED',
			'ECONNREFUSED',
		]);

		fake.reset();
		receiver = await startReceiver(['hang', 200]);
		fake.chat.setWebhook(TOKEN, receiver.url);
		fake.chat.webhookTimeoutMs = 150;
		fake.chat.pushAgentReply(TOKEN, 'r1', 'hi');
		await fake.chat.idle();
		expect(fake.chat.deliveries.map((d) => [d.attempt, d.error ?? d.status])).toEqual([
			[1, 'timeout'],
			[2, 200],
		]);
	});

	it('delivers agent replies, text campaigns and timeouts in the same shape', async () => {
		receiver = await startReceiver();
		fake.chat.setWebhook(TOKEN, receiver.url);
		fake.chat.pushAgentReply(TOKEN, 'u1', 'From the agent');
		fake.chat.runTextCampaign(TOKEN, ['u2', 'u3'], 'Sale today');
		fake.chat.fireTimeout(TOKEN, 'u4');
		await fake.chat.idle();
		const bodies = receiver.received.map((r) => (r.body as ChatResponse[])[0]);
		expect(bodies.map((b) => [b.clientId, b.data.answer])).toEqual(
			expect.arrayContaining([
				['u1', 'From the agent'],
				['u2', 'Sale today'],
				['u3', 'Sale today'],
				['u4', 'Are you still there?'],
			]),
		);
		for (const body of bodies) {
			// The documented shape, and nothing that says which kind of message it is.
			expect(Object.keys(body)).toEqual([
				'token',
				'clientId',
				'questionId',
				'data',
				'timestamp',
				'blockForm',
			]);
			expect(body).toMatchObject({
				token: TOKEN,
				questionId: expect.stringMatching(UUID),
				timestamp: expect.stringMatching(PLATFORM_TIME),
				blockForm: false,
			});
		}
		expect(fake.chat.deliveries.map((d) => d.reason).sort()).toEqual([
			'agent',
			'campaign',
			'campaign',
			'timeout',
		]);
		// Each is a bot message the client can mark as read.
		expect(
			(await call(fake.url, 'GET', `${TOKEN_PATH}/client/u2/message-not-read-count`)).body,
		).toEqual({ count: 1 });
	});

	it('adds kind marks and the request echo only with the markers switch on', async () => {
		receiver = await startReceiver();
		fake.chat.setWebhook(TOKEN, receiver.url);
		fake.chat.markers = true;
		fake.chat.pushAgentReply(TOKEN, 'u1', 'From the agent');
		fake.chat.runTextCampaign(TOKEN, ['u2'], 'Sale today');
		fake.chat.fireTimeout(TOKEN, 'u3');
		await call(fake.url, 'POST', `${TOKEN_PATH}/async`, {
			clientId: 'u4',
			query: 'later',
			cid: 'tab-1',
		});
		await fake.chat.idle();
		await fake.chat.waitForDeliveries(4);
		const byClient = Object.fromEntries(
			receiver.received.map((r) => [
				(r.body as ChatResponse[])[0].clientId,
				(r.body as ChatResponse[])[0],
			]),
		);
		expect(byClient.u1).toMatchObject({ type: 'agentResponse' });
		expect(byClient.u2).toMatchObject({ type: 'textCampaign', campaignId: 'campaign-1' });
		expect(byClient.u3).toMatchObject({ event: 'timeout' });
		expect(byClient.u4).toMatchObject({ query: 'later', cid: 'tab-1' });
		fake.reset();
		expect(fake.chat.markers).toBe(false);
	});

	it('delivers nothing when the channel has no webhook, and stops retrying on reset', async () => {
		fake.chat.pushAgentReply(TOKEN, 'u1', 'nobody listens');
		await fake.chat.idle();
		expect(fake.chat.deliveries).toEqual([]);

		receiver = await startReceiver([500, 500, 500, 500]);
		fake.chat.setWebhook(TOKEN, receiver.url);
		fake.chat.webhookRetryDelayMs = 10_000;
		fake.chat.pushAgentReply(TOKEN, 'u1', 'hi');
		await fake.chat.waitForDeliveries(1);
		fake.reset();
		await fake.chat.idle(); // would take 30 s if the pending retries were not cancelled
		expect(fake.chat.deliveries).toEqual([]);
	});
});
